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
  void aNameEndingInAParticlesSyllableStaysWholeWhenTheArticleWritesItBeforeParticles() {
    List<String> k = keywords("걸그룹 불독 데뷔", "불독은 아이오아이와 경쟁한다. 아이오아이 선배님들이 됐다. 아이오아이와 함께 "
        + "무대에 선다. 아이오아이는 인기가 많다. 지금은 아이오아이 팬이 많다.");

    assertThat(k).contains("아이오아이").doesNotContain("아이오아");
  }

  @Test
  void aFinalDoIsTheNounsOwnUnlessTheArticleWritesTheStemWithoutIt() {
    List<String> k = keywords("경기도 광역버스 파업", "경기도 광역버스가 멈췄다. 경기도는 대책을 내놨다. 노바텍도 파업했다. "
        + "노바텍은 버스를 만든다. 노바텍이 말했다.");

    assertThat(k).contains("경기도", "노바텍").doesNotContain("경기", "노바텍도");
  }

  @Test
  void twoParticlesInARowLeaveTheStem() {
    List<String> k = keywords("임금 공개", "통계청은 임금을 구간별로만 공개한다. 통계청은 임금을 구간별로만 발표한다.");

    assertThat(k).doesNotContain("구간별로");
  }

  @Test
  void aWordSeenOnceKeepsNorisReading() {
    assertThat(keywords("제목", "온열질환자가 나왔다.")).doesNotContain("온열질환자가");
  }
}
