package io.newsflow.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Words an article shows to be nouns (recurring before particles) are kept whole, whatever Nori makes of them. */
class NounStemsTest {

  private static final KeywordExtractor EXTRACTOR = new KeywordExtractor(KeywordConfig.withoutUserDictionary());

  @AfterAll
  static void close() {
    EXTRACTOR.close();
  }

  private static List<String> keywords(String title, String body) {
    return EXTRACTOR.extract(title, body, "ko").stream().map(Keyword::display).toList();
  }

  @Test
  void aMadeUpNameRecurringBeforeParticlesIsOneKeyword() {
    List<String> k = keywords("슬리모타이드 허가", "식약처는 슬리모타이드를 허가했다. 슬리모타이드는 주 1회 맞는 주사제다. "
        + "업계는 슬리모타이드의 가격에 주목했다.");

    assertThat(k).contains("슬리모타이드").doesNotContain("리모타이드", "슬리모타이드를", "슬리모타이드는");
  }

  @Test
  void pluralsHonorificsAndVerbsAreNoPartOfTheNoun() {
    List<String> k = keywords("관광객 몰려", "관광객들은 축제를 즐겼다. 관광객들이 늘었다. 김윤진씨는 말했다. 김윤진씨가 웃었다. "
        + "행사가 진행되는 동안 행사는 진행되며 이어졌다.");

    assertThat(k).doesNotContain("관광객들", "김윤진씨", "진행되");
  }

  @Test
  void aWordSeenOnceKeepsNorisReading() {
    assertThat(keywords("제목", "온열질환자가 나왔다.")).doesNotContain("온열질환자가");
  }
}
