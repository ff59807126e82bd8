package io.newsflow.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordTallyTest {

  @Test
  void countsArticlesSumsWeightsAndShowsTheMostUsedForm() {
    KeywordTally tally = KeywordTally.first("ai", 1_000_000).plus("AI", 500_000).plus("AI", 250_000);

    assertThat(tally.articles()).isEqualTo(3);
    assertThat(tally.weight()).isEqualTo(1_750_000);
    assertThat(tally.forms()).isEqualTo(Map.of("AI", 2L, "ai", 1L));
    assertThat(tally.display()).isEqualTo("AI");
  }

  @Test
  void equallyUsedFormsShowTheAlphabeticallyFirst() {
    assertThat(KeywordTally.first("Zephyra", 1).plus("ZEPHYRA", 1).display()).isEqualTo("ZEPHYRA");
    assertThat(KeywordTally.first("ZEPHYRA", 1).plus("Zephyra", 1).display()).isEqualTo("ZEPHYRA");
  }

  @Test
  void keywordWeightFallsWithItsRankInTheArticle() {
    assertThat(KeywordTally.weightOfRank(0)).isEqualTo(1_000_000);
    assertThat(KeywordTally.weightOfRank(1)).isEqualTo(500_000);
    assertThat(KeywordTally.weightOfRank(2)).isEqualTo(333_333);
    assertThat(KeywordTally.weightOfRank(3)).isEqualTo(250_000);
  }

  @Test
  void withdrawingAnArticleUndoesItsCountWeightAndForm() {
    KeywordTally two = KeywordTally.first("ai", 1_000_000).plus("AI", 333_333);

    KeywordTally one = two.minus("ai", 1_000_000);

    assertThat(one).isEqualTo(new KeywordTally(1, 333_333, Map.of("AI", 1L)));
    assertThat(one.minus("AI", 333_333)).isNull();
  }

  @Test
  void topArticlesKeepTheThreeHeaviestThenEarliestWhateverTheArrivalOrder() {
    TopArticle light = new TopArticle("light", 250_000, 1);
    TopArticle late = new TopArticle("late", 1_000_000, 9);
    TopArticle early = new TopArticle("early", 1_000_000, 2);
    TopArticle middle = new TopArticle("middle", 500_000, 1);

    KeywordTally oneOrder = KeywordTally.first("AI", light).plus("AI", late).plus("AI", early).plus("AI", middle);
    KeywordTally otherOrder = KeywordTally.first("AI", middle).plus("AI", early).plus("AI", light).plus("AI", late);

    assertThat(oneOrder.topArticleIds()).containsExactly("early", "late", "middle");
    assertThat(otherOrder).isEqualTo(oneOrder);
    assertThat(oneOrder.weight()).isEqualTo(2_750_000);
    assertThat(oneOrder.minus("AI", 1_000_000, "early").topArticleIds()).containsExactly("late", "middle");
  }

  @Test
  void tallyKeysOfOneWindowSortBetweenItsRangeBounds() {
    long hour = 3_600_000L;
    long start = 1_740_391_200_000L;

    assertThat(WindowKeys.tally(hour, start, "zephyra"))
        .isGreaterThan(WindowKeys.rangeFrom(hour, start))
        .isLessThan(WindowKeys.rangeTo(hour, start))
        .isLessThan(WindowKeys.rangeFrom(hour, start + hour))
        .isGreaterThan(WindowKeys.rangeTo(300_000L, start + hour));
    assertThat(WindowKeys.tally(hour, start, "딥시크")).isLessThan(WindowKeys.rangeTo(hour, start));
    assertThat(WindowKeys.keywordOfTally(WindowKeys.tally(hour, start, "wall street"))).isEqualTo("wall street");
    assertThat(WindowKeys.startOf(WindowKeys.window(hour, start))).isEqualTo(start);
    assertThat(WindowKeys.sizeOf(WindowKeys.window(hour, start))).isEqualTo(hour);
    assertThat(WindowKeys.history(hour, "딥시크")).isGreaterThan(WindowKeys.historyFrom(hour))
        .isLessThan(WindowKeys.historyTo(hour));
    assertThat(WindowKeys.snapshotKey(hour, start)).isEqualTo("PT1H/2025-02-24T10:00:00Z");
    assertThat(WindowKeys.snapshotKey(86_400_000L, start)).isEqualTo("PT24H/2025-02-24T10:00:00Z");
  }
}
