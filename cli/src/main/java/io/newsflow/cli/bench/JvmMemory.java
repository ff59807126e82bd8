package io.newsflow.cli.bench;

import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This JVM's memory at one moment, for the soak: the heap (used now, used after the last garbage collection,
 * committed, max), the process's resident set from /proc, and the collectors' counts and times so far. Heap used
 * after the last collection is the figure that tells a leak: heap used now also holds whatever garbage the next
 * collection frees.
 *
 * @param heapUsed heap bytes in use now (MemoryMXBean)
 * @param heapAfterGc heap bytes in use right after the most recent collection (young or full; -1 before any)
 * @param heapCommitted heap bytes the JVM holds from the OS
 * @param heapMax the heap's limit (-Xmx), -1 when undefined
 * @param rss the process's resident set (VmRSS of /proc/self/status), bytes; -1 where there is no /proc
 * @param gcCount collections so far, all collectors
 * @param gcMillis milliseconds spent in collections so far (stop-the-world pauses and, for concurrent collectors,
 *     their cycles), all collectors
 */
public record JvmMemory(long heapUsed, long heapAfterGc, long heapCommitted, long heapMax, long rss, long gcCount,
    long gcMillis) {

  private static final Path STATUS = Path.of("/proc/self/status");

  /** Reads the figures now. */
  public static JvmMemory read() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(gc.getCollectionCount(), 0);
      millis += Math.max(gc.getCollectionTime(), 0);
    }
    return new JvmMemory(heap.getUsed(), heapAfterLastGc(), heap.getCommitted(), heap.getMax(), readRss(), count, millis);
  }

  /** Heap in use after the latest collection of any collector: the heap pools' usage in its GcInfo. */
  static long heapAfterLastGc() {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    GcInfo latest = null;
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    for (GarbageCollectorMXBean gc : collectors) {
      if (gc instanceof com.sun.management.GarbageCollectorMXBean sun) {
        GcInfo info = sun.getLastGcInfo();
        if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
          latest = info;
        }
      }
    }
    if (latest == null) {
      return -1;
    }
    return latest.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
  }

  /** VmRSS of /proc/self/status in bytes, or -1. */
  static long readRss() {
    try {
      for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          // "VmRSS:	  123456 kB"
          String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc (not Linux): no resident set figure.
    }
    return -1;
  }
}
