package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTableTest {

  private static TrendEntry entry(String keyword, long count, int rank, double expected, double score) {
    return TrendEntry.newBuilder().setKeyword(keyword).setArticleCount(count).setRank(rank)
        .setExpected(expected).setScore(score).build();
  }

  @Test
  void rowsShowCountExpectedScoreAndMarkTrendingKeywords() {
    Instant start = Instant.parse("1987-10-19T00:00:00Z");
    TrendSnapshot day = TrendSnapshot.newBuilder().setWindowStart(start).setWindowEnd(start.plus(Duration.ofDays(1)))
        .setFinal$(true).setWindowSize("PT24H")
        .setEntries(List.of(entry("Wall Street", 41, 1, 3.25, 20.6), entry("딥시크", 2, 2, 0.0, 2.0)))
        .setTrending(List.of("Wall Street"))
        .build();

    assertThat(TrendTable.render(List.of(day), 20)).isEqualTo("""

        window 1987-10-19 00:00 - 1987-10-20 00:00 UTC (PT24H, final)
          rank  keyword                  articles  expected    score
             1  Wall Street                    41      3.25    20.60  *
             2  딥시크                          2      0.00     2.00
        """);
  }

  @Test
  void windowWithinADayShowsItsEndAsATimeAndAV1SnapshotHasNoSize() {
    Instant start = Instant.parse("2025-02-24T23:00:00Z");
    TrendSnapshot v1 = TrendSnapshot.newBuilder().setWindowStart(start).setWindowEnd(start.plus(Duration.ofHours(1)))
        .setFinal$(false).setEntries(List.of()).build();

    assertThat(TrendTable.render(List.of(v1), 20)).startsWith("\nwindow 2025-02-24 23:00 - 00:00 UTC (open)\n");
    assertThat(DemoWatcher.sizeOf(v1)).isEqualTo(Duration.ofHours(1));
  }
}
