package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.id.ArticleIds;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlArticlesTest {

  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");

  @TempDir
  Path temp;

  @Test
  void articlePageYieldsItsTitleTextCanonicalUrlTimesAndMeta() throws IOException {
    Path page = Files.writeString(temp.resolve("subway.html"), """
        <!doctype html>
        <html lang="ko-KR">
        <head>
          <title>지하철 심야 연장 | 예시일보</title>
          <meta property="og:title" content="서울 지하철 2호선 심야 연장 운행">
          <meta property="og:type" content="article">
          <meta property="og:site_name" content="예시일보">
          <meta property="article:published_time" content="2025-03-02T09:30:00+09:00">
          <meta property="article:modified_time" content="2025-03-02T10:00:00+09:00">
          <meta property="article:section" content="사회">
          <meta property="article:author" content="김하늘">
          <link rel="canonical" href="https://News.Example.com/articles/42?utm_source=twitter&amp;ref=home">
          <script>var tracking = "나가야 할 글";</script>
        </head>
        <body>
          <nav><p>메뉴 홈 사회 경제</p></nav>
          <article>
            <h1>서울 지하철 2호선 심야 연장 운행</h1>
            <p>서울시는 다음 달부터 2호선 막차를 늦춘다고 2일 밝혔다.</p>
            <figure><figcaption>사진 설명은 본문이 아니다</figcaption></figure>
            <p>시는 결과를 보고 연장 여부를 정할 계획이다.</p>
          </article>
          <footer><p>Copyright 예시일보</p></footer>
        </body>
        </html>
        """);

    SourceBatch batch = read(page);

    assertThat(batch.failures()).isEmpty();
    RawArticle article = batch.articles().get(0);
    assertThat(article.getId()).isEqualTo("https://news.example.com/articles/42?ref=home");
    assertThat(article.getUrl()).isEqualTo("https://News.Example.com/articles/42?utm_source=twitter&ref=home");
    assertThat(article.getTitle()).isEqualTo("서울 지하철 2호선 심야 연장 운행");
    assertThat(article.getBody()).isEqualTo(
        "서울시는 다음 달부터 2호선 막차를 늦춘다고 2일 밝혔다.\n\n시는 결과를 보고 연장 여부를 정할 계획이다.");
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-02T00:30:00Z"));
    assertThat(article.getContentType()).isEqualTo("text/plain");
    assertThat(article.getAttributes()).isEqualTo(Map.of(
        "source.path", page.toString(),
        "source.format", "html",
        "producer.host", "h",
        "publisher", "예시일보",
        "authors", "김하늘",
        "section", "사회",
        "updatedAt", "2025-03-02T01:00:00Z",
        "language", "ko-kr"));
  }

  @Test
  void pageWithoutAnArticleIsReportedAndNothingIsSent() throws IOException {
    Path front = Files.writeString(temp.resolve("front.html"),
        "<html><head><title>예시일보 - 사회</title></head><body><ul><li><a href=\"/a\">기사 하나</a></li></ul>"
            + "</body></html>");

    SourceBatch batch = read(front);

    assertThat(batch.articles()).isEmpty();
    assertThat(batch.failures()).containsExactly(new Failure(front.toString(),
        "no article in the page (no <article>, itemprop=articleBody or og:type=article with text)"));
  }

  @Test
  void ogTypeArticleWithoutArticleElementTakesThePagesParagraphsAndAContentIdWithoutCanonicalUrl()
      throws IOException {
    Path page = Files.writeString(temp.resolve("plain.htm"), """
        <html><head><meta property="og:type" content="article"><title>항만 크레인 전기화</title></head>
        <body><h1>항만 크레인 전기화</h1><p>항만공사는 크레인을 전기로 바꾼다.</p><p>내년 봄까지 끝낸다.</p></body></html>
        """);

    RawArticle article = read(page).articles().get(0);

    assertThat(article.getTitle()).isEqualTo("항만 크레인 전기화");
    assertThat(article.getBody()).isEqualTo("항만공사는 크레인을 전기로 바꾼다.\n\n내년 봄까지 끝낸다.");
    assertThat(article.getId()).isEqualTo(ArticleIds.contentId(article.getBody()));
    assertThat(article.getUrl()).isNull();
    assertThat(article.getPublishedAt()).isNull();
  }

  @Test
  void eucKrPageIsDecodedByTheCharsetItsMetaTagDeclares() throws IOException {
    Path page = temp.resolve("euckr.html");
    Files.write(page, ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">"
        + "<title>경제 뉴스</title></head><body><div itemprop=\"articleBody\"><p>수출이 늘었다.</p></div>"
        + "</body></html>").getBytes(Charset.forName("EUC-KR")));

    RawArticle article = read(page).articles().get(0);

    assertThat(article.getTitle()).isEqualTo("경제 뉴스");
    assertThat(article.getBody()).isEqualTo("수출이 늘었다.");
    assertThat(article.getAttributes()).containsEntry("source.charset", "CP949");
  }

  private static SourceBatch read(Path... inputs) {
    return new ArticleSource(List.of(inputs), Clock.fixed(NOW, ZoneOffset.UTC), "h").readAll();
  }
}
