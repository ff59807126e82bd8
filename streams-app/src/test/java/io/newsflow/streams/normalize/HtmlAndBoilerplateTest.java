package io.newsflow.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML remnants, captions, promotions, wire sign-offs and trailers come out of the clean body. */
class HtmlAndBoilerplateTest {

  @Test
  void tagsBecomeParagraphBreaksAndEntitiesAreDecoded() {
    String html = "<p>윤 의원은 &quot;<b>대통령</b>을 모시는&quot; 자리라고 말했다.</p><p>둘째&nbsp;문단 &amp; 끝.<br>셋째 줄"
        + "<script>track()</script><figure><img src=x><figcaption>사진 설명</figcaption></figure></p>";

    assertThat(BodyCleaner.clean(html, null))
        .isEqualTo("윤 의원은 \"대통령을 모시는\" 자리라고 말했다.\n둘째 문단 & 끝.\n셋째 줄");
    assertThat(BodyCleaner.cleanInline("Tom &amp; Jerry&#39;s <b>cat</b>")).isEqualTo("Tom & Jerry's cat");
  }

  @Test
  void koreanAngleBracketQuotesAreNotTreatedAsTags() {
    assertThat(HtmlText.toPlainText("<저작권자 연합뉴스> 본문 <그림 1>")).isEqualTo("<저작권자 연합뉴스> 본문 <그림 1>");
  }

  @Test
  void wireCompanyNamesInAngleBracketsAreTextNotTags() {
    assertThat(BodyCleaner.cleanInline("<CORVANE PLANTATIONS BHD>")).isEqualTo("<CORVANE PLANTATIONS BHD>");
    assertThat(HtmlText.toPlainText("<Varnok Corp> said net rose.<br>Shares of <Halden Inc> fell &amp; closed."))
        .isEqualTo("<Varnok Corp> said net rose.\nShares of <Halden Inc> fell & closed.");
  }

  @Test
  void photoCaptionsAndCreditsAreRemoved() {
    String raw = "첫 문단이다.\n[사진=연합뉴스]\n▲ 박 대표가 4일 설명하고 있다. (사진=테크데일리)\n삼성전자 제공\n"
        + "둘째 문단에 [사진=한빛전자 제공] 끼어든 크레디트가 있다.\n/연합뉴스";

    assertThat(BodyCleaner.clean(raw, null)).isEqualTo("첫 문단이다.\n둘째 문단에 끼어든 크레디트가 있다.");
  }

  @Test
  void promotionsSignaturesAndAiNoticesAreRemoved() {
    String raw = "본문이다.\n▶ 네이버 채널에서 뉴스플로우를 구독하세요\n<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\n"
        + "Reuter";

    assertThat(BodyCleaner.clean(raw, null)).isEqualTo("본문이다.");
  }

  @Test
  void interviewQuestionsWithArrowsStay() {
    String raw = "첫 문단.\n▶ 앞으로 계획은 무엇인가.\n답변이다.";

    assertThat(BodyCleaner.clean(raw, null)).isEqualTo(raw);
  }

  @Test
  void trailerGluedToATextWithoutLineBreaksIsCutAtItsFirstMarker() {
    String text = "본문 첫 문장이다. 둘째 문장은 여러 가지 이야기를 길게 늘어놓아서 한 줄짜리 본문이 저작권 줄로 보이지 않게 한다. "
        + "셋째 문장도 그렇다. 마지막 문장이라고 말했다.";
    String raw = text + " 강기헌 기자 emckk@news.example ▶ 홈페이지 친구추가ⓒ 중앙일보, 무단 전재 및 재배포 금지";

    assertThat(raw.length()).isGreaterThan(150);
    assertThat(BodyCleaner.clean(raw, null)).isEqualTo(text);
    String law = "The court heard that the publisher had copied the reports for years. " .repeat(2)
        + "It ruled on copyright law in 2024 and fined the publisher for every article it copied.";
    assertThat(BodyCleaner.clean(law, null)).isEqualTo(law.strip());
  }

  @Test
  void reporterCreditsAtTheEndOfAParagraphAreRemoved() {
    assertThat(BodyCleaner.clean("정부가 발표했다. 홍길동 기자 hong@yna.example\n끝.", null)).isEqualTo("정부가 발표했다.\n끝.");
    assertThat(BodyCleaner.clean("정부가 발표했다. /홍길동 기자\n끝.", null)).isEqualTo("정부가 발표했다.\n끝.");
  }

  @Test
  void datelinesOfKoreanAndEnglishWiresAreStripped() {
    assertThat(BodyCleaner.clean("【서울=뉴시스】 정부가 발표했다.", null)).isEqualTo("정부가 발표했다.");
    assertThat(BodyCleaner.clean("[이데일리 홍길동 기자] 정부가 발표했다.", null)).isEqualTo("정부가 발표했다.");
    assertThat(BodyCleaner.clean("WASHINGTON (Reuters) - The Fed held rates.", null)).isEqualTo("The Fed held rates.");
    assertThat(BodyCleaner.clean("NEW YORK, March 2 - Stocks rose.", null)).isEqualTo("Stocks rose.");
    assertThat(BodyCleaner.clean("LONDON (AP) — Rain fell.", null)).isEqualTo("Rain fell.");
    assertThat(BodyCleaner.clean("NASA - the agency - said so.", null)).isEqualTo("NASA - the agency - said so.");
  }
}
