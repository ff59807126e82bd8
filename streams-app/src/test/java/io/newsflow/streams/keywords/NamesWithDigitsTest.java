package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names with digits and hyphens stay one keyword, in Korean and English text; plain numbers do not join. */
class NamesWithDigitsTest {

  private static KeywordExtractor extractor;

  @BeforeAll
  static void createOnce() {
    extractor = new KeywordExtractor();
  }

  @AfterAll
  static void close() {
    extractor.close();
  }

  private static List<String> displays(String body, String language) {
    return extractor.extract("", body, language).stream().map(Keyword::display).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "오픈AI가 GPT-4.5를 공개했다 | 오픈AI, GPT-4.5, 공개",
      "GPT-5 출시 | GPT-5, 출시",
      "챗GPT-4o와 경쟁 | 챗GPT-4o, 경쟁",
      "xAI의 그록 3은 | xAI, 그록 3",
      "그록 3가 나왔다 | 그록 3",
      "아이폰 16 판매 | 아이폰 16, 판매",
      "클로드 3.5 소네트 | 클로드 3.5, 소네트",
      "제미나이 2.0 공개 | 제미나이 2.0, 공개",
      "엔비디아 H100 공급 | 엔비디아, H100, 공급",
      "K-뷰티 인기 | K-뷰티, 인기",
  })
  void koreanNamesWithDigitsAndHyphensAreOneKeyword(String body, String expected) {
    // Which is first is the ranking's business (a designation weighs as a name); here: each is one keyword.
    assertThat(displays(body, "ko")).containsExactlyInAnyOrder(expected.split(", "));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // 라마 is a common noun to Nori and not in the dictionary: no name a version may follow.
      "라마 3 공개 | 라마, 공개",
      // A number with a counter or unit is no version.
      "그록 3개 모델 | 그록, 모델",
      // Four digits are a year, not a version.
      "아이폰 2025 출시 | 아이폰, 출시",
      "2025년 3월 3일 출시 | 출시",
      "3.5% 상승 | 상승",
      // A number written with spaces between its thousands (commas stripped) is an amount.
      "그록 93 733 703을 기록 | 그록, 기록",
      "AI-반도체 협력 | AI, 반도체, 협력",
  })
  void koreanNumbersThatAreNoVersionStayApart(String body, String expected) {
    assertThat(displays(body, "ko")).containsExactly(expected.split(", "));
  }

  @Test
  void englishNamesWithDigitsAndHyphensAreOneKeyword() {
    List<Keyword> keywords = extractor.extract("", "OpenAI shipped GPT-4.5 and GPT-5 while xAI released Grok 3. "
        + "The F-35 flew as COVID-19 cases fell. K-pop fans bought Windows 11 laptops.", "en");

    // Names rank first; K-pop opens its sentence, so it is no name; cases, fans, laptops are passing words.
    assertThat(keywords).extracting(Keyword::display).containsExactly(
        "OpenAI", "GPT-4.5", "GPT-5", "xAI", "Grok 3", "F-35", "COVID-19", "Windows 11", "K-pop");
  }

  @Test
  void englishNumbersThatAreNoVersionStayApart() {
    List<String> keys = extractor.extract("", "Kestrel rose 5% on Oct 19 after Windows 2000 support ended; "
        + "the 2024-25 season began and a top-10 list appeared.", "en").stream().map(Keyword::key).toList();

    assertThat(keys).contains("kestrel", "windows").doesNotContain("kestrel 5", "oct 19", "windows 2000", "2024-25",
        "5", "19", "2000");
  }

  @Test
  void titleJoinsANameWithAVersionOnlyWhenTheBodyDoes() {
    assertThat(extractor.extract("Grok 3 Arrives", "Musk's xAI released Grok 3 on Monday.", "en"))
        .contains(new Keyword("grok 3", "Grok 3", 3));
    assertThat(extractor.extract("Chapter 2 Begins", "Kestrel wrote a new chapter.", "en"))
        .extracting(Keyword::key).doesNotContain("chapter 2");
  }

  @Test
  void hyphenatedNamesOfCapitalizedWordsStayWhole() {
    assertThat(displays("Engines from Rolls-Royce and a state-of-the-art plant in Coca-Cola country.", "en"))
        .contains("Rolls-Royce", "Coca-Cola").doesNotContain("Rolls", "Royce");
  }

  @Test
  void aDesignationInKoreanTextWeighsAsANameAndOutranksAPlainAcronym() {
    List<String> keywords = displays("탐사선은 지구에서 1.1AU 떨어진 궤도를 돌았다. 연구진은 궤도 자료를 CEO에게 보고했다. "
        + "분석에는 NX-7 칩이 쓰였다.", "ko");

    // NX-7, written once and last, outranks the words before it, among them the acronym CEO, also written once,
    // which gets no name weight. The measure 1.1AU is a reading, no keyword at all (KoreanNewsroom).
    assertThat(keywords.get(0)).isEqualTo("NX-7");
    assertThat(keywords).contains("CEO").doesNotContain("1.1AU", "AU");
  }
}
