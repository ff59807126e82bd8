package io.newsflow.streams.api;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The exact outcome counts behind /api/stats, kept in a state store (so they survive restarts and move with
 * their partitions). Keys: {@code unique}, {@code duplicate|KIND}, {@code deadLetter|STAGE}.
 */
final class Counters {

  static final String UNIQUE = "unique";
  static final String DUPLICATE = "duplicate|";
  static final String DEAD_LETTER = "deadLetter|";

  private Counters() {}

  static void increment(KeyValueStore<String, Long> stats, String key) {
    Long count = stats.get(key);
    stats.put(key, count == null ? 1L : count + 1);
  }

  /** Adds up counter maps (one per partition, per instance) key by key. */
  static Map<String, Long> sum(Iterable<Map<String, Long>> parts) {
    Map<String, Long> total = new TreeMap<>();
    for (Map<String, Long> part : parts) {
      part.forEach((key, count) -> total.merge(key, count, Long::sum));
    }
    return total;
  }
}
