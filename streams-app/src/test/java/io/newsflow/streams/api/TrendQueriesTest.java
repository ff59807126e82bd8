package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.streams.api.Views.EntryView;
import io.newsflow.streams.api.Views.KeywordPoint;
import io.newsflow.streams.api.Views.KeywordView;
import io.newsflow.streams.api.Views.LagView;
import io.newsflow.streams.api.Views.SnapshotView;
import io.newsflow.streams.api.Views.StatsView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendQueriesTest {

  private static final Instant EIGHT = Instant.parse("2025-02-24T08:00:00Z");

  @Test
  void newestFirstKeepsTheNewestWindowsAcrossInstancesParts() {
    List<SnapshotView> parts = List.of(snapshot(EIGHT, false), snapshot(EIGHT.plusSeconds(7200), false),
        snapshot(EIGHT.minusSeconds(3600), true), snapshot(EIGHT.plusSeconds(3600), false));

    assertThat(TrendQueries.newestFirst(parts, 2)).extracting(SnapshotView::windowStart)
        .containsExactly(EIGHT.plusSeconds(7200), EIGHT.plusSeconds(3600));
    assertThat(TrendQueries.latest(parts)).get().extracting(SnapshotView::windowStart)
        .isEqualTo(EIGHT.plusSeconds(7200));
  }

  @Test
  void keywordMatchesItsCountingKeyAndLeavesWindowsWithoutItEmpty() {
    SnapshotView first = new SnapshotView("PT1H", EIGHT, EIGHT.plusSeconds(3600), true,
        List.of(new EntryView(1, "AI", 4, null, null), new EntryView(2, "딥시크", 3, null, null)));
    SnapshotView second = new SnapshotView("PT1H", EIGHT.plusSeconds(3600), EIGHT.plusSeconds(7200), false,
        List.of(new EntryView(1, "딥시크", 5, null, null)));

    KeywordView view = TrendQueries.keyword("ai", Duration.ofHours(1), List.of(second, first));

    assertThat(view.keyword()).isEqualTo("AI");
    assertThat(view.window()).isEqualTo("PT1H");
    assertThat(view.windows()).extracting(KeywordPoint::windowStart, KeywordPoint::isFinal, KeywordPoint::rank,
            KeywordPoint::count)
        .containsExactly(tuple(EIGHT, true, 1, 4L), tuple(EIGHT.plusSeconds(3600), false, null, null));
  }

  @Test
  void articlesInAddsUniqueDuplicatesAndDeadLettersOfStagesBeforeTrends() {
    Map<String, Long> counters = Map.of("unique", 10L, "duplicate|EXACT_URL", 3L, "duplicate|EXACT_CONTENT", 1L,
        "deadLetter|normalize", 2L, "deadLetter|trends", 4L);
    LagView lag = new LagView(7, Map.of("news.raw", 7L));

    StatsView stats = TrendQueries.stats(counters, lag, List.of("127.0.0.1:8080"), EIGHT);

    assertThat(stats.articlesIn()).isEqualTo(16);
    assertThat(stats.unique()).isEqualTo(10);
    assertThat(stats.duplicates().total()).isEqualTo(4);
    assertThat(stats.duplicates().by()).containsExactly(Map.entry("EXACT_CONTENT", 1L), Map.entry("EXACT_URL", 3L));
    assertThat(stats.deadLetters().total()).isEqualTo(6);
    assertThat(stats.deadLetters().by()).containsExactly(Map.entry("normalize", 2L), Map.entry("trends", 4L));
    assertThat(stats.consumerLag()).isEqualTo(lag);
  }

  @Test
  void countersOfPartitionsAndInstancesAddUpKeyByKey() {
    assertThat(Counters.sum(List.of(Map.of("unique", 2L, "duplicate|NEAR", 1L), Map.of("unique", 3L))))
        .containsExactly(Map.entry("duplicate|NEAR", 1L), Map.entry("unique", 5L));
  }

  private static SnapshotView snapshot(Instant start, boolean isFinal) {
    return new SnapshotView("PT1H", start, start.plusSeconds(3600), isFinal, List.of());
  }
}
