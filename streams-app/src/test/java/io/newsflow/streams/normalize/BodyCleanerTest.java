package io.newsflow.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyCleanerTest {

  @Test
  void creditLinesInEitherOrderAreRemoved() {
    String raw = "본문입니다.\nwongood@fnnews.com 주원규 기자\n주원규 기자 wongood@fnnews.com\n"
        + "hong@yna.co.kr\n홍길동·김철수 기자\n끝 문단.";

    assertThat(BodyCleaner.clean(raw, null)).isEqualTo("본문입니다.\n끝 문단.");
  }

  @Test
  void wireDatelineIsStrippedFromTheFirstLineOnly() {
    assertThat(BodyCleaner.clean("(서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.\n[단독] 둘째 줄.", null))
        .isEqualTo("정부가 발표했다.\n[단독] 둘째 줄.");
    assertThat(BodyCleaner.clean("[파이낸셜뉴스] 미중 경쟁이 격화된다.", null)).isEqualTo("미중 경쟁이 격화된다.");
    assertThat(BodyCleaner.clean("[테크데일리]국내 소식.", "테크데일리")).isEqualTo("국내 소식.");
    assertThat(BodyCleaner.clean("(서울=연합뉴스) 홍길동 기자 =\n정부가 발표했다.", null)).isEqualTo("정부가 발표했다.");
    assertThat(BodyCleaner.clean("홍길동 기자 = 정부가 발표했다.", null)).isEqualTo("정부가 발표했다.");
  }

  @Test
  void sentenceThatMentionsAReporterIsNoCreditLine() {
    String raw = "첫 줄.\n홍길동 기자 정부가 발표했다\n현장 기자 인터뷰 내용";

    assertThat(BodyCleaner.clean(raw, null)).isEqualTo(raw);
  }

  @Test
  void copyrightLinesAreRemovedButLongParagraphsStay() {
    String raw = "본문.\nⓒ 파이낸셜뉴스, 무단전재 및 재배포 금지\n<저작권자 © 연합뉴스> 무단 전재-재배포 금지\n"
        + "Copyright (c) 2025 Example News. All rights reserved.";
    String longParagraph = "The court heard that copyright law " + "protects the work of reporters. ".repeat(6);

    assertThat(BodyCleaner.clean(raw, null)).isEqualTo("본문.");
    assertThat(BodyCleaner.clean(longParagraph, null)).isEqualTo(longParagraph.strip());
  }

  @Test
  void nfkcAndWhitespaceFolding() {
    String raw = "  ＡＩ\t\t반도체   시장\u00a0\u3000성장  \r\n\r\n\r\n\t둘째 문단 ① 항목  ";

    assertThat(BodyCleaner.clean(raw, null)).isEqualTo("AI 반도체 시장 성장\n둘째 문단 1 항목");
    assertThat(BodyCleaner.cleanInline(" 제목\n 두 줄 ")).isEqualTo("제목 두 줄");
  }
}
