package io.newsflow.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sample of {@code newsflow soak}, and its row in the soak's CSV file.
 *
 * @param elapsedSeconds since the feed started
 * @param eventTime the event time of the latest article out (the feed's event time is in order)
 * @param sent articles sent so far
 * @param out articles out of the pipeline so far (on news.articles, news.duplicates or news.dlq)
 * @param unique articles counted so far (out on news.articles, not found a duplicate or dead letter later)
 * @param duplicates articles out as duplicates so far
 * @param deadLetters articles out as dead letters so far
 * @param articlesPerSecond articles out per second since the previous sample
 * @param memory the JVM's heap, resident set and garbage collection
 * @param brokerLogBytes the broker's log size, every partition of every topic
 * @param stores the streams app's stores
 */
public record SoakSample(double elapsedSeconds, Instant eventTime, long sent, long out, long unique, long duplicates,
    long deadLetters, double articlesPerSecond, JvmMemory memory, long brokerLogBytes, StoreSizes stores) {

  private static final double MB = 1024.0 * 1024.0;

  /** The CSV header for samples counting these stores. */
  public static String header(List<String> inMemoryStores, List<String> rocksDbStores) {
    List<String> columns = new ArrayList<>(List.of("elapsed_s", "event_time", "sent", "out", "unique", "duplicates",
        "dead_letters", "articles_per_s", "heap_used_mb", "heap_after_gc_mb", "heap_committed_mb", "heap_max_mb",
        "rss_mb", "gc_count", "gc_time_s", "state_dir_mb", "rocksdb_live_data_mb", "rocksdb_sst_mb",
        "rocksdb_memtables_mb", "rocksdb_block_cache_mb", "broker_log_mb"));
    inMemoryStores.forEach(s -> columns.add("entries_" + s));
    rocksDbStores.forEach(s -> columns.add("keys_" + s));
    return String.join(",", columns);
  }

  /** This sample's CSV row, columns as {@link #header}'s for its stores. */
  public String csvRow() {
    List<String> cells = new ArrayList<>();
    cells.add(format("%.3f", elapsedSeconds));
    cells.add(eventTime.toString());
    for (long n : new long[] {sent, out, unique, duplicates, deadLetters}) {
      cells.add(Long.toString(n));
    }
    cells.add(format("%.2f", articlesPerSecond));
    for (long bytes : new long[] {memory.heapUsed(), memory.heapAfterGc(), memory.heapCommitted(), memory.heapMax(),
        memory.rss()}) {
      cells.add(megabytes(bytes));
    }
    cells.add(Long.toString(memory.gcCount()));
    cells.add(format("%.3f", memory.gcMillis() / 1000.0));
    for (long bytes : new long[] {stores.stateDirBytes(), stores.liveDataBytes(), stores.sstBytes(),
        stores.memtableBytes(), stores.blockCacheBytes(), brokerLogBytes}) {
      cells.add(megabytes(bytes));
    }
    stores.inMemoryEntries().values().forEach(n -> cells.add(Long.toString(n)));
    stores.rocksDbKeys().values().forEach(n -> cells.add(Long.toString(n)));
    return String.join(",", cells);
  }

  /** Bytes as megabytes (MiB) with one decimal; a negative figure (unknown) stays -1. */
  static String megabytes(long bytes) {
    return bytes < 0 ? "-1" : format("%.1f", bytes / MB);
  }

  /** Bytes as MiB. */
  public static double mb(long bytes) {
    return bytes / MB;
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
