package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakSummaryTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final long MIB = 1024 * 1024;

  /** A sample each minute for an hour, event time a day per 2 minutes; heap after GC grows until minute 30. */
  private static List<SoakSample> samples() {
    List<SoakSample> samples = new ArrayList<>();
    for (int minute = 0; minute <= 60; minute++) {
      long heap = (100 + 4L * Math.min(minute, 30)) * MIB;
      samples.add(new SoakSample(minute * 60.0, START.plus(Duration.ofHours(12L * minute)), minute * 100L,
          minute * 100L, minute * 70L, minute * 30L, 0, 100 / 60.0,
          new JvmMemory(heap + 50 * MIB, heap, 512 * MIB, 512 * MIB, 900 * MIB, minute, minute * 10L),
          10 * MIB * minute, new StoreSizes(20 * MIB, 0, 0, 0, 0, Map.of("trend-open-windows", 40L),
              Map.of("dedup-items", 1000L + minute))));
    }
    return samples;
  }

  @Test
  void aFigureThatStoppedGrowingHasNoSlopeAfterTheRetentionPeriod() {
    List<SoakSample> after = SoakSummary.after(samples(), START.plus(Duration.ofDays(15)));

    assertThat(after.get(0).elapsedSeconds()).isEqualTo(30 * 60.0);
    assertThat(SoakSummary.slopePerHour(after, s -> SoakSample.mb(s.memory().heapAfterGc()))).isCloseTo(0, within(1e-9));
    // dedup-items: one key a minute, 60 an hour.
    assertThat(SoakSummary.slopePerHour(after, s -> s.stores().rocksDbKeys().get("dedup-items")))
        .isCloseTo(60, within(1e-9));
  }

  @Test
  void theReportGivesPeaksAndStartMiddleAndEndAfterTheRetentionPeriod() {
    List<String> lines = SoakSummary.lines(samples(), START.plus(Duration.ofDays(15)), "P15D");

    assertThat(lines.get(0)).startsWith("peaks: heap used 270.0 MiB, heap after GC 220.0 MiB (of 512 MiB max heap), "
        + "RSS 900.0 MiB, state dir 20.0 MiB, broker log 600.0 MiB");
    assertThat(lines).anyMatch(l -> l.matches("  heap after GC \\(MiB\\) +start +220\\.0, middle +220\\.0, end +220\\.0; "
        + "slope \\+0\\.0 per hour"));
    assertThat(lines).anyMatch(l -> l.matches("    dedup-items \\(RocksDB\\) +start +1030, middle +1045, end +1060; "
        + "slope \\+60 per hour"));
  }

  @Test
  void aRunThatDidNotPassTheRetentionPeriodSaysSo() {
    List<String> lines = SoakSummary.lines(samples(), START.plus(Duration.ofDays(60)), "P60D");

    assertThat(lines.get(1)).contains("too few for a slope");
  }
}
