package io.newsflow.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.streams.support.BinarySerde;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendSerdesTest {

  @Test
  void tallyKeepsItsCountsFormsAndTopArticles() {
    KeywordTally tally = new KeywordTally(3, 2_500_000L, Map.of("AI", 2L, "ai", 1L),
        List.of(new TopArticle("a", 1_000_000L, 10L), new TopArticle("b", 500_000L, 20L)));

    KeywordTally read = roundTrip(TrendSerdes.tallies(), tally);

    assertThat(read).isEqualTo(tally);
    assertThat(read.display()).isEqualTo("AI");
  }

  @Test
  void changeWithoutArticleIdIsAWithdrawal() {
    TrendChange withdrawal = TrendChange.withdrawal("item|1");
    TrendChange count = TrendChange.count("item|2", "b", List.of("Seoul", "배터리"));

    assertThat(roundTrip(TrendSerdes.changes(), withdrawal)).isEqualTo(withdrawal);
    assertThat(roundTrip(TrendSerdes.changes(), count)).isEqualTo(count);
  }

  @Test
  void windowContributionHistoryAndProgressSurviveTheRoundTrip() {
    OpenWindow window = new OpenWindow(42, true);
    Contribution contribution = new Contribution("a", 1_000L, List.of("AI", "Seoul"), List.of(300_000L, 3_600_000L));
    KeywordHistory history = new KeywordHistory(0.25, 7);
    WindowProgress progress = new WindowProgress(7, 3_600_000L, 12.5);

    assertThat(roundTrip(TrendSerdes.windows(), window)).isEqualTo(window);
    assertThat(roundTrip(TrendSerdes.contributions(), contribution)).isEqualTo(contribution);
    assertThat(roundTrip(TrendSerdes.history(), history)).isEqualTo(history);
    assertThat(roundTrip(TrendSerdes.progress(), progress)).isEqualTo(progress);
    assertThat(roundTrip(TrendSerdes.progress(), WindowProgress.NONE)).isEqualTo(WindowProgress.NONE);
  }

  private static <T> T roundTrip(BinarySerde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }
}
