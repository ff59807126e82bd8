package io.newsflow.streams.topics;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How many copies of each partition newsflow's topics keep, and how many must hold a write before it is
 * acknowledged: {@code newsflow.topic.replication-factor} (default -1, the broker's
 * {@code default.replication.factor}) and {@code newsflow.topic.min-insync-replicas} (default: the broker's
 * {@code min.insync.replicas}). The same two apply to the public topics newsflow creates and to Kafka Streams'
 * internal topics (repartition, changelog) unless {@code replication.factor} or
 * {@code topic.min.insync.replicas} are set for Streams themselves.
 *
 * @param factor replicas per partition; -1 leaves it to the broker
 * @param minInsyncReplicas in-sync replicas a write needs; empty leaves it to the broker
 */
public record TopicReplication(short factor, OptionalInt minInsyncReplicas) {

  public static final String FACTOR = "newsflow.topic.replication-factor";
  public static final String MIN_INSYNC_REPLICAS = "newsflow.topic.min-insync-replicas";
  public static final short BROKER_DEFAULT = -1;

  public TopicReplication {
    if (factor != BROKER_DEFAULT && factor < 1) {
      throw new IllegalArgumentException(FACTOR + "=" + factor + ": use 1 or more, or -1 for the broker's default");
    }
    if (minInsyncReplicas.isPresent()
        && (minInsyncReplicas.getAsInt() < 1 || factor != BROKER_DEFAULT && minInsyncReplicas.getAsInt() > factor)) {
      throw new IllegalArgumentException(MIN_INSYNC_REPLICAS + "=" + minInsyncReplicas.getAsInt()
          + " must be between 1 and " + FACTOR + " (" + factor + ")");
    }
  }

  public static TopicReplication from(Map<String, String> config) {
    String factor = config.get(FACTOR);
    String minIsr = config.get(MIN_INSYNC_REPLICAS);
    return new TopicReplication(factor == null || factor.isBlank() ? BROKER_DEFAULT : Short.parseShort(factor.trim()),
        minIsr == null || minIsr.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(minIsr.trim())));
  }

  /** The topic-level settings to create a topic with: min.insync.replicas when one is configured. */
  public Map<String, String> topicConfigs() {
    return minInsyncReplicas.isPresent()
        ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas.getAsInt()))
        : Map.of();
  }

  /** Gives Kafka Streams' internal topics the same replication, unless the Streams settings name their own. */
  public void applyTo(Properties streamsProps) {
    streamsProps.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(factor));
    minInsyncReplicas.ifPresent(n -> streamsProps.putIfAbsent(
        StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), Integer.toString(n)));
  }
}
