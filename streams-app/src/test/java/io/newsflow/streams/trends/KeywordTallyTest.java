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
  void tallyKeysOfOneWindowSortBetweenItsRangeBounds() {
    long start = 1_740_391_200_000L;

    assertThat(WindowKeys.tally(start, "zephyra"))
        .isGreaterThan(WindowKeys.rangeFrom(start))
        .isLessThan(WindowKeys.rangeTo(start))
        .isLessThan(WindowKeys.rangeFrom(start + 3_600_000L));
    assertThat(WindowKeys.tally(start, "딥시크")).isLessThan(WindowKeys.rangeTo(start));
    assertThat(WindowKeys.windowStart(WindowKeys.window(start))).isEqualTo(start);
    assertThat(WindowKeys.snapshotKey(start)).isEqualTo("2025-02-24T10:00:00Z");
  }
}
