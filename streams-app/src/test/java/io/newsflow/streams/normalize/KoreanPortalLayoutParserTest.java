package io.newsflow.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KoreanPortalLayoutParserTest {

  private static final String BODY = "첫 문단입니다.\n\n둘째 문단입니다.";

  @Test
  void seedIsReadFieldByField() {
    ParsedArticle article = KoreanPortalLayoutParser.parse(Fixtures.read(Fixtures.SEED_KO));

    assertThat(article.section()).isEqualTo("IT IT일반");
    // NFKC leaves 美, 中 (unified ideographs), the middle dot and the ASCII "..." as they are.
    assertThat(article.title()).isEqualTo("美·中 AI 패권 경쟁 '2라운드' 전운...한국은?");
    assertThat(article.authors()).containsExactly("주원규");
    assertThat(article.publisher()).isEqualTo("파이낸셜뉴스");
    assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-02-24T08:04:00Z"));
    assertThat(article.updatedAt()).isEqualTo(Instant.parse("2025-02-24T08:04:00Z"));
    assertThat(article.body())
        .startsWith("미중 인공지능(AI) 패권 경쟁이 한층 더 격화되는 양상을 보이고 있다.")
        .endsWith("지금까지 밝혀진 투자 규모로는 선두 국가와 경쟁하기 어렵다\"고 강조했다.")
        .doesNotContain("wongood@fnnews.com")
        .doesNotContain("[파이낸셜뉴스]")
        .doesNotContain("주원규")
        .doesNotContain("\n\n");
    assertThat(article.body().lines()).hasSize(11);
    assertThat(article.body().lines().toList().get(1)).isEqualTo("'바이트댄스' 리스크 걸린 中, 알리바바 출격");
  }

  @Test
  void headerWithoutSectionNorUpdateStampLeavesThemNull() {
    String text = "제목 한 줄\n\n홍길동 기자\n\n한국경제\n\n입력 2025.02.24. 오후 5:04\n\n" + BODY;

    ParsedArticle article = KoreanPortalLayoutParser.parse(text);

    assertThat(article.section()).isNull();
    assertThat(article.title()).isEqualTo("제목 한 줄");
    assertThat(article.authors()).containsExactly("홍길동");
    assertThat(article.publisher()).isEqualTo("한국경제");
    assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-02-24T08:04:00Z"));
    assertThat(article.updatedAt()).isNull();
    assertThat(article.body()).isEqualTo("첫 문단입니다.\n둘째 문단입니다.");
  }

  @Test
  void twelveHourClockAndDashedDatesAreSeoulTime() {
    String text = "경제\n\n제목\n\n홍길동 기자\n\n매일신문\n\n입력 2025-02-24 09:30\n\n수정 2025.02.25. 오전 12:15\n\n"
        + BODY;

    ParsedArticle article = KoreanPortalLayoutParser.parse(text);

    assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-02-24T00:30:00Z"));
    assertThat(article.updatedAt()).isEqualTo(Instant.parse("2025-02-24T15:15:00Z"));
    assertThat(PortalDates.parse("2025.02.24. 오후 12:05")).contains(Instant.parse("2025-02-24T03:05:00Z"));
    assertThat(PortalDates.parse("2025.02.24 17:04:09")).contains(Instant.parse("2025-02-24T08:04:09Z"));
    assertThat(PortalDates.parse("2025.02.30 17:04")).isEmpty();
  }

  @Test
  void severalReportersAreAllAuthors() {
    String dotted = "제목\n\n홍길동·김철수 기자\n\n테크데일리\n\n입력 2025.03.03 14:15\n\n" + BODY;
    String each = "제목\n\n홍길동 기자, 김철수 특파원\n\n테크데일리\n\n입력 2025.03.03 14:15\n\n" + BODY;

    assertThat(KoreanPortalLayoutParser.parse(dotted).authors()).containsExactly("홍길동", "김철수");
    assertThat(KoreanPortalLayoutParser.parse(each).authors()).containsExactly("홍길동", "김철수");
  }

  @Test
  void madeUpPortalPageWithCopyrightLineIsRead() {
    ParsedArticle article = KoreanPortalLayoutParser.parse(Fixtures.read(Fixtures.QUANTUMLEAP_KO));

    assertThat(article.section()).isEqualTo("경제 산업");
    assertThat(article.title()).isEqualTo("퀀텀리프, 삼성전자와 양자컴퓨터 칩 공동 개발");
    assertThat(article.authors()).isEqualTo(List.of("홍길동", "김철수"));
    assertThat(article.publisher()).isEqualTo("테크데일리");
    assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-03-03T05:15:00Z"));
    assertThat(article.updatedAt()).isNull();
    assertThat(article.body())
        .startsWith("국내 양자기술 스타트업 퀀텀리프가")
        .endsWith("늘릴 수 있다\"고 말했다.")
        .doesNotContain("무단전재")
        .doesNotContain("hong@techdaily.example");
    assertThat(article.body().lines()).hasSize(4);
  }

  @Test
  void headerWithoutBylineIsSectionTitlePublisher() {
    String text = "사회\n\n제목\n\n서울신문\n\n입력 2025.03.03 14:15\n\n" + BODY;

    ParsedArticle article = KoreanPortalLayoutParser.parse(text);

    assertThat(article.section()).isEqualTo("사회");
    assertThat(article.title()).isEqualTo("제목");
    assertThat(article.publisher()).isEqualTo("서울신문");
    assertThat(article.authors()).isEmpty();
  }

  @Test
  void textWithoutInputStampIsNotThisLayout() {
    String text = "그냥 제목\n\n본문 첫 줄.\n본문 둘째 줄.";

    assertThat(KoreanPortalLayoutParser.matches(text)).isFalse();
    assertThat(KoreanPortalLayoutParser.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> KoreanPortalLayoutParser.parse(text))
        .isInstanceOfSatisfying(NormalizationException.class,
            e -> assertThat(e.reason()).isEqualTo(NormalizationException.Reason.NOT_PORTAL_LAYOUT));
  }
}
