package io.newsflow.streams.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB store of the process, as the Kafka Streams memory-management
 * guide describes: one LRU block cache shared by all stores ({@code newsflow.rocksdb.block-cache}, default
 * 64 MiB), index and filter blocks counted in it, and memtables charged to it through one write buffer manager
 * ({@code newsflow.rocksdb.write-buffers}, default 16 MiB). Without it each store (newsflow has seven, times
 * the partitions a client owns) takes its own 50 MB block cache and 3 x 16 MB memtables.
 *
 * <p>The cache and manager are static because the setter is instantiated per store; they are sized from the
 * first store's configuration and live as long as the JVM, which is what sharing across stores requires.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

  /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
  private static final double INDEX_FILTER_RATIO = 0.1;
  private static final long BLOCK_SIZE = 16 * 1024L;
  private static final int MEMTABLES = 2;
  /**
   * Arena block of each memtable. RocksDB's default is an eighth of the write buffer (2 MiB for 16 MiB), and a
   * memtable holds at least one block from its first write. The write buffer manager counts those blocks: with
   * a dozen stores per client their empty memtables alone passed the 16 MiB budget, so every write asked for a
   * flush, and RocksDB wrote thousands of SST files of a few KB and compacted them again. Small blocks leave
   * the budget to the data.
   */
  private static final long ARENA_BLOCK = 64 * 1024L;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  private static synchronized void initialize(Map<String, Object> configs) {
    if (cache != null) {
      return;
    }
    Map<String, String> values = new java.util.HashMap<>();
    configs.forEach((k, v) -> values.put(k, String.valueOf(v)));
    long cacheBytes = StreamsSettings.bytes(values, StreamsSettings.BLOCK_CACHE, "64MiB");
    long bufferBytes = StreamsSettings.bytes(values, StreamsSettings.WRITE_BUFFERS, "16MiB");
    cache = new LRUCache(cacheBytes, -1, false, INDEX_FILTER_RATIO);
    writeBuffers = new WriteBufferManager(bufferBytes, cache);
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    initialize(configs);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    table.setBlockSize(BLOCK_SIZE);
    options.setWriteBufferManager(writeBuffers);
    options.setMaxWriteBufferNumber(MEMTABLES);
    options.setArenaBlockSize(ARENA_BLOCK);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store: closing them here would break the rest.
  }
}
