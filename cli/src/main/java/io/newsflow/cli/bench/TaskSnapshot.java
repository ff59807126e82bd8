package io.newsflow.cli.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * One task's counters in Kafka Streams' {@code stream-task-metrics} at one moment (recorded at
 * {@code metrics.recording.level=DEBUG}). Kafka Streams records process and punctuate latencies in nanoseconds.
 *
 * <p>The averages are windowed ({@code metrics.sample.window.ms} times {@code metrics.num.samples}); only while
 * that span covers the task's whole life is average times total the task's summed time, which is what makes two
 * snapshots subtractable. The bench sets the window accordingly.
 *
 * @param processed records processed since the task started ({@code process-total})
 * @param processNanos their summed process latency ({@code process-latency-avg} x {@code process-total})
 * @param processMaxNanos the slowest record since the task started ({@code process-latency-max})
 * @param punctuations punctuator calls since the task started ({@code punctuate-total})
 * @param punctuateNanos their summed latency ({@code punctuate-latency-avg} x {@code punctuate-total})
 */
public record TaskSnapshot(long processed, double processNanos, double processMaxNanos, long punctuations,
    double punctuateNanos) {

  static final String GROUP = "stream-task-metrics";

  /** A task that has not processed anything, or whose metrics are not there (recording level INFO). */
  public static final TaskSnapshot NONE = new TaskSnapshot(0, 0, 0, 0, 0);

  /** The snapshot of task {@code taskId} in {@code metrics} (from {@code KafkaStreams#metrics()}). */
  public static TaskSnapshot of(Map<MetricName, ? extends Metric> metrics, String taskId) {
    long processed = (long) value(metrics, taskId, "process-total");
    long punctuations = (long) value(metrics, taskId, "punctuate-total");
    return new TaskSnapshot(processed, processed * value(metrics, taskId, "process-latency-avg"),
        value(metrics, taskId, "process-latency-max"), punctuations,
        punctuations * value(metrics, taskId, "punctuate-latency-avg"));
  }

  /** The metric's value; 0 when missing, or NaN (an average or maximum before the first event). */
  private static double value(Map<MetricName, ? extends Metric> metrics, String taskId, String name) {
    for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
      MetricName key = metric.getKey();
      if (key.group().equals(GROUP) && key.name().equals(name) && taskId.equals(key.tags().get("task-id"))
          && metric.getValue().metricValue() instanceof Double value) {
        return value.isNaN() ? 0 : value;
      }
    }
    return 0;
  }
}
