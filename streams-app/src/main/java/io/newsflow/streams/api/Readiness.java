package io.newsflow.streams.api;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * Whether this instance should get traffic: Kafka Streams is RUNNING, no local store is still restoring more
 * than the allowed lag, and its consumers are within that lag of the end of their partitions. The reason
 * names the first thing that is not so.
 */
record Readiness(boolean ready, String reason) {

  private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";

  /** No lag check: ready means RUNNING, for deployments where a backlog must not take the API away. */
  static final long NO_LAG_CHECK = -1;

  static Readiness of(KafkaStreams streams, long maxLag) {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      return new Readiness(false, "streams state is " + state);
    }
    if (maxLag == NO_LAG_CHECK) {
      return new Readiness(true, "running (no lag check)");
    }
    try {
      return caughtUp(streams, maxLag);
    } catch (StreamsException | IllegalStateException e) {
      // The client left RUNNING between the two calls.
      return new Readiness(false, "streams state is changing: " + e.getMessage());
    }
  }

  private static Readiness caughtUp(KafkaStreams streams, long maxLag) {
    for (Map.Entry<String, Map<Integer, LagInfo>> store : streams.allLocalStorePartitionLags().entrySet()) {
      for (Map.Entry<Integer, LagInfo> partition : store.getValue().entrySet()) {
        long lag = partition.getValue().offsetLag();
        if (lag > maxLag) {
          return new Readiness(false, "store " + store.getKey() + " partition " + partition.getKey()
              + " is restoring: " + lag + " records behind (at most " + maxLag + ")");
        }
      }
    }
    for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
      MetricName name = metric.getKey();
      if (isInputLag(name) && metric.getValue().metricValue() instanceof Double lag && lag > maxLag) {
        return new Readiness(false, "consumer is " + lag.longValue() + " records behind on "
            + name.tags().get("topic") + "-" + name.tags().get("partition") + " (at most " + maxLag + ")");
      }
    }
    return new Readiness(true, "running and caught up");
  }

  /** The per-partition lag of a stream thread's main consumer (not its restore consumer). */
  private static boolean isInputLag(MetricName name) {
    return name.group().equals(FETCH_METRICS) && name.name().equals("records-lag")
        && name.tags().containsKey("partition")
        && !name.tags().getOrDefault("client-id", "").endsWith("restore-consumer");
  }
}
