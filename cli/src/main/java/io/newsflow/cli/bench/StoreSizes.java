package io.newsflow.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The streams app's state at one moment, for the soak: the state directory's size on disk, RocksDB's figures from
 * Kafka Streams' state-store metrics (property-based, recorded at the default INFO level), and the entries of each
 * store: RocksDB's estimate per store (rocksdb.estimate-num-keys, summed over the store's tasks), and the exact
 * count of each in-memory store through interactive queries.
 *
 * @param stateDirBytes bytes of every file under the state directory (SST files, logs, checkpoints)
 * @param liveDataBytes rocksdb.estimate-live-data-size summed over stores
 * @param sstBytes rocksdb.total-sst-files-size summed over stores
 * @param memtableBytes rocksdb.cur-size-all-mem-tables summed over stores
 * @param blockCacheBytes rocksdb.block-cache-usage of the one cache the stores share (the largest figure)
 * @param inMemoryEntries entries of each in-memory store, -1 when it could not be queried
 * @param rocksDbKeys estimated keys of each RocksDB store, -1 when it has no such metric
 */
public record StoreSizes(long stateDirBytes, long liveDataBytes, long sstBytes, long memtableBytes,
    long blockCacheBytes, Map<String, Long> inMemoryEntries, Map<String, Long> rocksDbKeys) {

  private static final String GROUP = "stream-state-metrics";
  private static final Set<String> STORE_TAGS =
      Set.of("rocksdb-state-id", "rocksdb-window-state-id", "rocksdb-session-state-id");

  /**
   * Reads the figures of {@code streams} now; {@code stateDir} is its state directory; {@code inMemory} and {@code
   * rocksDb} name the stores to count, in the order of the result's maps.
   */
  public static StoreSizes read(KafkaStreams streams, Path stateDir, List<String> inMemory, List<String> rocksDb) {
    Map<String, Long> keys = new LinkedHashMap<>();
    rocksDb.forEach(store -> keys.put(store, -1L));
    long live = 0;
    long sst = 0;
    long memtables = 0;
    long cache = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      MetricName name = e.getKey();
      String store = storeOf(name);
      if (store == null || !(e.getValue().metricValue() instanceof Number value)) {
        continue;
      }
      long v = value.longValue();
      switch (name.name()) {
        case "estimate-num-keys" -> keys.computeIfPresent(store, (s, k) -> Math.max(k, 0) + v);
        case "estimate-live-data-size" -> live += v;
        case "total-sst-files-size" -> sst += v;
        case "cur-size-all-mem-tables" -> memtables += v;
        case "block-cache-usage" -> cache = Math.max(cache, v);
        default -> { }
      }
    }
    Map<String, Long> entries = new LinkedHashMap<>();
    for (String store : inMemory) {
      entries.put(store, entries(streams, store));
    }
    return new StoreSizes(sizeOnDisk(stateDir), live, sst, memtables, cache, entries, keys);
  }

  /** The store a state-store metric is about, or null for other metrics. */
  static String storeOf(MetricName name) {
    if (!name.group().equals(GROUP)) {
      return null;
    }
    return name.tags().entrySet().stream().filter(t -> STORE_TAGS.contains(t.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private static long entries(KafkaStreams streams, String store) {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<Object, Object>keyValueStore()))
          .approximateNumEntries();
    } catch (InvalidStateStoreException e) {
      // Rebalancing or restoring: no figure this time.
      return -1;
    }
  }

  /** Bytes of every regular file under {@code dir}; files deleted while it walks count as 0. */
  static long sizeOnDisk(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> files = Files.walk(dir)) {
        return files.mapToLong(StoreSizes::size).sum();
      } catch (UncheckedIOException e) {
        // RocksDB deleted a directory's file as the walk reached it (a compaction): walk again.
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == 3) {
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the size of " + dir, e);
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
