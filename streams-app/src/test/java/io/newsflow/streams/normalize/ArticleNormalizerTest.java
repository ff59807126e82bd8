package io.newsflow.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleNormalizerTest {

  private static final Instant FETCHED = Instant.parse("2025-03-01T00:00:00Z");
  private static final String SEED_FINGERPRINT = "5285d92f098bf12a72f64cc2a7df66ecb5800915e1aedd5ba6ef82c9f96f1042";

  private final ArticleNormalizer normalizer = new ArticleNormalizer();

  private static RawArticle.Builder raw(String contentType, String body) {
    return RawArticle.newBuilder()
        .setId("raw-1")
        .setSource("test")
        .setContentType(contentType)
        .setBody(body)
        .setFetchedAt(FETCHED);
  }

  @Test
  void plainTextSeedBecomesACleanKoreanArticle() {
    Article article = normalizer.normalize(raw("text/plain; charset=utf-8", Fixtures.read(Fixtures.SEED_KO))
        .setUrl("https://WWW.FNNEWS.com/news/202502241704?utm_source=naver&utm_medium=portal")
        .build());

    assertThat(article.getId()).isEqualTo("raw-1");
    assertThat(article.getUrl()).isEqualTo("https://www.fnnews.com/news/202502241704");
    assertThat(article.getTitle()).isEqualTo("美·中 AI 패권 경쟁 '2라운드' 전운...한국은?");
    assertThat(article.getLanguage()).isEqualTo("ko");
    assertThat(article.getPublisher()).isEqualTo("파이낸셜뉴스");
    assertThat(article.getAuthors()).containsExactly("주원규");
    assertThat(article.getSection()).isEqualTo("IT IT일반");
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-02-24T08:04:00Z"));
    assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2025-02-24T08:04:00Z"));
    assertThat(article.getFetchedAt()).isEqualTo(FETCHED);
    assertThat(article.getBody()).startsWith("미중 인공지능(AI) 패권 경쟁이").doesNotContain("wongood@fnnews.com");
    assertThat(article.getFingerprint()).isEqualTo(SEED_FINGERPRINT);
    assertThat(article.getKeywords()).isEmpty();
    assertThat(article.getRevision()).isZero();
  }

  @Test
  void jsonMappedRecordTakesItsFieldsAndAttributes() {
    Article article = normalizer.normalize(raw("application/json",
        "  The agency said the rocket is ready.\n\n\nLaunch is planned for May.\nCopyright 2025 Example Wire")
        .setTitle("  Rocket   ready ")
        .setUrl("http://example.com/space/rocket/#comments")
        .setPublishedAt(Instant.parse("2025-02-20T10:00:00Z"))
        .setAttributes(Map.of(
            "publisher", "Example Wire",
            "authors", "Ann Lee, Bo Kim ,",
            "section", "Science",
            "updatedAt", "2025-02-21T09:00:00+09:00"))
        .build());

    assertThat(article.getTitle()).isEqualTo("Rocket ready");
    assertThat(article.getBody()).isEqualTo("The agency said the rocket is ready.\nLaunch is planned for May.");
    assertThat(article.getUrl()).isEqualTo("http://example.com/space/rocket");
    assertThat(article.getLanguage()).isEqualTo("en");
    assertThat(article.getPublisher()).isEqualTo("Example Wire");
    assertThat(article.getAuthors()).containsExactly("Ann Lee", "Bo Kim");
    assertThat(article.getSection()).isEqualTo("Science");
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-02-20T10:00:00Z"));
    assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2025-02-21T00:00:00Z"));
  }

  @Test
  void plainTextWithoutPortalLayoutTakesItsFirstLineAsTitle() {
    Article article = normalizer.normalize(raw("text/plain", "\n\n첫 줄 제목\n\n본문 첫 문장.\n본문 둘째 문장.").build());

    assertThat(article.getTitle()).isEqualTo("첫 줄 제목");
    assertThat(article.getBody()).isEqualTo("본문 첫 문장.\n본문 둘째 문장.");
    assertThat(article.getPublishedAt()).isEqualTo(FETCHED);
    assertThat(article.getUpdatedAt()).isNull();
    assertThat(article.getPublisher()).isNull();
    assertThat(article.getAuthors()).isEmpty();
  }

  @Test
  void rewrappedCopyHasTheSameFingerprint() {
    String body = "미중 인공지능 경쟁이 격화된다. 딥시크가\n주목받는다.\n\n바이트댄스도 거론됐다.";
    String rewrapped = "미중 인공지능 경쟁이\n격화된다.   딥시크가 주목받는다.\n바이트댄스도\t거론됐다.";
    String changed = "미중 인공지능 경쟁이 격화된다. 딥시크가 주목받는다. 알리바바도 거론됐다.";

    String original = normalizer.normalize(raw("application/json", body).setTitle("제목").build()).getFingerprint();
    String copy = normalizer.normalize(raw("application/json", rewrapped).setTitle("다른 제목").build()).getFingerprint();
    String other = normalizer.normalize(raw("application/json", changed).setTitle("제목").build()).getFingerprint();

    assertThat(copy).isEqualTo(original).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(other).isNotEqualTo(original);
  }

  @Test
  void trackingParametersAreDroppedFromTheUrl() {
    Article article = normalizer.normalize(raw("text/plain", Fixtures.read(Fixtures.SEED_KO))
        .setUrl("HTTPS://News.Example.COM:443/a/b/?utm_source=x&id=42&fbclid=abc&page=2#top")
        .build());

    assertThat(article.getUrl()).isEqualTo("https://news.example.com/a/b?id=42&page=2");
  }

  @Test
  void bodyThatIsOnlyACreditIsRejectedAsEmpty() {
    RawArticle onlyCredit = raw("text/plain", "제목만 있는 기사\n\nwongood@fnnews.com 주원규 기자\nⓒ 파이낸셜뉴스").build();

    assertThatThrownBy(() -> normalizer.normalize(onlyCredit))
        .isInstanceOfSatisfying(NormalizationException.class,
            e -> assertThat(e.reason()).isEqualTo(NormalizationException.Reason.EMPTY_BODY))
        .hasMessage("empty_body: body empty after cleaning, id=raw-1");
  }

  @Test
  void jsonWithoutTitleIsRejected() {
    RawArticle noTitle = raw("application/json", "Some body text.").setTitle("   ").build();

    assertThatThrownBy(() -> normalizer.normalize(noTitle))
        .isInstanceOfSatisfying(NormalizationException.class,
            e -> assertThat(e.reason()).isEqualTo(NormalizationException.Reason.MISSING_TITLE))
        .hasMessage("missing_title: id=raw-1");
  }

  @Test
  void unsupportedContentTypeIsRejectedWithTheType() {
    RawArticle html = raw("text/html", "<p>hi</p>").setTitle("t").build();

    assertThatThrownBy(() -> normalizer.normalize(html))
        .isInstanceOfSatisfying(NormalizationException.class,
            e -> assertThat(e.reason()).isEqualTo(NormalizationException.Reason.UNSUPPORTED_CONTENT_TYPE))
        .hasMessage("unsupported_content_type: contentType=text/html id=raw-1");
  }
}
