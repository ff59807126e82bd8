package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class TrendCeilingTest {

  private static final String TASK = "3_0";

  @Test
  void ceilingIsTheReciprocalOfProcessAndPunctuationTimePerRecord() {
    // 1000 records at 100 us each = 0.1 s, and 10 punctuations of 10 ms = 0.1 s, in a 10 s run: 200 us a record.
    TaskSnapshot before = new TaskSnapshot(500, 500 * 90_000.0, 4e6, 5, 5 * 8e6);
    TaskSnapshot after = new TaskSnapshot(1500, 500 * 90_000.0 + 1000 * 100_000.0, 6e6, 15, 5 * 8e6 + 10 * 10e6);

    TrendCeiling ceiling = TrendCeiling.between(TASK, before, after, 10.0).orElseThrow();

    assertThat(ceiling.records()).isEqualTo(1000);
    assertThat(ceiling.punctuations()).isEqualTo(10);
    assertThat(ceiling.processMicrosPerRecord()).isCloseTo(100.0, within(1e-9));
    assertThat(ceiling.punctuateMillisPerSecond()).isCloseTo(10.0, within(1e-9));
    assertThat(ceiling.nanosPerRecord()).isCloseTo(200_000.0, within(1e-6));
    assertThat(ceiling.ceiling()).isCloseTo(5000.0, within(1e-6));
    assertThat(ceiling.achieved()).isCloseTo(100.0, within(1e-9));
    assertThat(ceiling.processMaxNanos()).isEqualTo(6e6);
  }

  @Test
  void aPortalPeaksAtTenTimesFiftyThousandArticlesADay() {
    assertThat(TrendCeiling.portalPeak()).isCloseTo(5.787, within(1e-3));
  }

  @Test
  void reportStatesTheCeilingAgainstThePortalPeak() {
    TrendCeiling ceiling = new TrendCeiling(TASK, 1000, 1000 * 100_000.0, 6e6, 10, 10 * 10e6, 10.0);

    assertThat(ceiling.report()).isEqualTo(
        "trend task 3_0: 1000 records, process 100 us/record avg (max 6.0 ms since the task started), "
            + "punctuate 10.00 ms/s (10 calls, 10.00 ms avg) -> ceiling ~ 5,000 articles/s on one thread\n"
            + "  the bench fed it 100.0 records/s (1000 in 10.00 s), 2.0% of that ceiling; 50,000 articles a day "
            + "are 0.58/s, 5.8/s at a 10x peak: the ceiling is 864x that peak");
  }

  @Test
  void noFigureWhenTheCountersWentBack() {
    TaskSnapshot before = new TaskSnapshot(1500, 1.5e8, 6e6, 15, 1e8);
    TaskSnapshot after = new TaskSnapshot(200, 2e7, 1e6, 2, 1e7);

    assertThat(TrendCeiling.between(TASK, before, after, 10.0)).isEmpty();
  }

  @Test
  void snapshotReadsTheTaskMetricsOfItsTaskOnly() {
    Map<MetricName, Metric> metrics = Map.of(
        task("process-total", TASK), metric(1000.0),
        task("process-latency-avg", TASK), metric(100_000.0),
        task("process-latency-max", TASK), metric(6e6),
        task("punctuate-total", TASK), metric(10.0),
        task("punctuate-latency-avg", TASK), metric(10e6),
        task("process-total", "0_1"), metric(99_999.0),
        new MetricName("process-total", "stream-processor-node-metrics", "",
            Map.of("task-id", TASK, "processor-node-id", "source")), metric(7.0));

    assertThat(TaskSnapshot.of(metrics, TASK)).isEqualTo(new TaskSnapshot(1000, 1e8, 6e6, 10, 1e8));
  }

  @Test
  void snapshotOfATaskWithoutMetricsIsEmpty() {
    Map<MetricName, Metric> metrics = Map.of(task("process-latency-avg", TASK), metric(Double.NaN));

    assertThat(TaskSnapshot.of(metrics, TASK)).isEqualTo(TaskSnapshot.NONE);
  }

  private static MetricName task(String name, String taskId) {
    return new MetricName(name, "stream-task-metrics", "", Map.of("thread-id", "t-1", "task-id", taskId));
  }

  private static Metric metric(double value) {
    return new Metric() {
      @Override
      public MetricName metricName() {
        return null;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    };
  }
}
