package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hanja country abbreviations and full-width forms count as the words they stand for. */
class FoldingTest {

  private static KeywordExtractor extractor;

  @BeforeAll
  static void createOnce() {
    extractor = new KeywordExtractor();
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private static List<String> koreanDisplays(String title, String body) {
    return extractor.extract(title, body, "ko").stream().map(Keyword::display).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "美·中 패권 경쟁 | 미국, 중국, 패권, 경쟁",
      "美中 정상회담 | 미국, 중국, 정상회담",
      "韓美 동맹 | 한국, 미국, 동맹",
      "北 미사일 발사 | 북한, 미사일, 발사",
      "日 수출규제 | 일본, 수출규제",
      "英·佛·獨 정상 | 영국, 프랑스, 독일, 정상",
      "中, 반도체 투자 | 중국, 반도체, 투자",
  })
  void countryAbbreviationsInHanjaAreFolded(String title, String expected) {
    assertThat(koreanDisplays(title, "")).containsExactlyInAnyOrder(expected.split(", "));
  }

  @Test
  void foldedAbbreviationAndKoreanWordCountAsOneKeyword() {
    List<Keyword> keywords = extractor.extract("美 관세 압박", "미국이 관세를 올렸다. 美 정부는 이유를 밝혔다.", "ko");

    // Title 美 counts twice, body 미국 and 美 once each.
    assertThat(keywords.get(0)).isEqualTo(new Keyword("미국", "미국", 4));
  }

  @ParameterizedTest(name = "{0} stays")
  @CsvSource(delimiter = '|', value = {
      // Other Hanja next to them: a word of its own (中企 = 중소기업, 美國).
      "中企 지원 | 中企, 지원",
      "美國 방문 | 美國, 방문",
      // After a digit 日 is a day, not Japan.
      "3日 회의 | 3日, 회의",
  })
  void hanjaThatIsNoStandaloneAbbreviationStays(String body, String expected) {
    assertThat(koreanDisplays("", body)).containsExactly(expected.split(", "));
  }

  @Test
  void hanjaIsFoldedInKoreanOnly() {
    assertThat(extractor.extract("", "美国总统宣布新的关税。", "zh")).extracting(Keyword::display)
        .contains("美国", "总统").doesNotContain("미국");
  }

  @Test
  void fullWidthFormsAreFoldedToTheirPlainForms() {
    assertThat(koreanDisplays("", "ＧＰＴ－４.５와 ｘＡＩ의 그록 ３")).containsExactly("GPT-4.5", "xAI", "그록 3");
    assertThat(extractor.extract("", "ＮＡＳＡ launched Ａｒｔｅｍｉｓ; NASA said Artemis flew.", "en"))
        .contains(new Keyword("nasa", "NASA", 2), new Keyword("artemis", "Artemis", 2));
  }
}
