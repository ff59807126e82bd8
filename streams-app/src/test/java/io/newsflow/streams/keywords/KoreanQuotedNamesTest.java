package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A name a Korean headline sets in single quotation marks, and the body writes too, is one keyword. */
class KoreanQuotedNamesTest {

  private static final KeywordExtractor EXTRACTOR = new KeywordExtractor();

  @AfterAll
  static void close() {
    EXTRACTOR.close();
  }

  private static List<String> keywords(String title, String body) {
    return EXTRACTOR.extract(title, body, "ko").stream().map(Keyword::display).toList();
  }

  @Test
  void aQuotedWorkInTheHeadlineIsOneKeywordAndItsWordsAreNotCountedInsideIt() {
    List<String> k = keywords("윤다인 감독 '소금의 계절', 칸영화제 감독상",
        "윤다인 감독의 영화 소금의 계절이 칸영화제에서 감독상을 받았다. 소금의 계절은 염전 마을의 이야기다.");

    assertThat(k).contains("소금의 계절", "윤다인", "칸영화제").doesNotContain("소금", "계절");
  }

  @Test
  void aQuotedDesignationWithLatinLettersOrDigitsIsOneKeyword() {
    List<String> k = keywords("초소형 위성 '별누리 3호' 발사...'캔서스캔-M'도 지정",
        "별누리 3호가 발사됐다. 별누리 3호는 교신에 성공했다. 캔서스캔-M은 혈액검사다.");

    assertThat(k).contains("별누리 3호", "캔서스캔-M");
  }

  @Test
  void quotedSpeechListsAndWordsTheBodyLacksAreLeftAlone() {
    assertThat(KoreanQuotedNames.find("노조 '파업 계속하겠다'...'에너지전환·탄소중립' 강조 '비상'",
        "노조는 파업 계속하겠다고 했다. 에너지전환·탄소중립을 강조했다. 비상이 걸렸다.")).isEmpty();
    assertThat(KoreanQuotedNames.find("'깜짝 실적'에 뉴욕증시 상승", "엔비디아가 깜짝 실적을 냈다."))
        .containsExactly("깜짝 실적");
    assertThat(KoreanQuotedNames.find("'깜짝 실적'에 뉴욕증시 상승", "엔비디아가 실적을 냈다.")).isEmpty();
  }

  @Test
  void aQuotedDescriptionOfCommonNounsWrittenOnceIsNoName() {
    List<String> k = keywords("협정 총회 개막...'공해 보호' 첫발", "유엔 협정 당사국들이 공해 보호를 위한 첫 총회를 "
        + "열었다. 공해는 어느 나라의 관할에도 속하지 않는다. 생물 보호와 자원 보호가 논의된다.");

    assertThat(k).contains("공해").doesNotContain("공해 보호");
    // Written twice by the body, the same words are one name.
    assertThat(keywords("'공해 보호' 협정", "공해 보호 협정이 발효됐다. 공해 보호 협정은 60개국이 비준했다."))
        .contains("공해 보호");
  }

  @Test
  void aHeadlinesOpeningLabelsAreNoKeywords() {
    assertThat(KoreanQuotedNames.withoutLabels("[단독][월드리포트] 트럼프와 폼페이오")).isEqualTo("트럼프와 폼페이오");
    assertThat(KoreanQuotedNames.withoutLabels("【포토】 폼페이오 방한")).isEqualTo("폼페이오 방한");
    assertThat(KoreanQuotedNames.withoutLabels("폼페이오 [국무장관] 방한")).isEqualTo("폼페이오 [국무장관] 방한");
    assertThat(keywords("[월드리포트] 트럼프와 폼페이오의 시계", "트럼프 대통령과 폼페이오 장관의 시계는 다르다."))
        .contains("트럼프", "폼페이오").doesNotContain("월드리포트");
  }

  @Test
  void theSpansAreBlankedWhereverTheTextWritesThem() {
    assertThat(KoreanQuotedNames.blank("영화 소금의 계절, 소금의 계절은", List.of("소금의 계절")))
        .isEqualTo("영화 " + " ".repeat(6) + ", " + " ".repeat(6) + "은");
  }
}
