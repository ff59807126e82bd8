package io.newsflow.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time of this JVM's threads over an interval, summed by group (stream threads, broker, producer ...), to
 * tell where a benchmark's time goes. Java threads are measured by name through the JVM; on Linux the threads
 * the JVM does not list (RocksDB's background threads, the garbage collector, the JIT compiler) are read from
 * /proc by their native names. Call {@link #sample()} now and then during the interval: a thread that ends
 * keeps the CPU time of its last sample.
 */
public final class ThreadCpu {

  /** Linux's USER_HZ, the unit of /proc's CPU times, on every common platform. */
  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final Path TASKS = Path.of("/proc/self/task");

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> start = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final Map<String, Long> nativeStart = new HashMap<>();
  private final Map<String, Long> nativeLast = new HashMap<>();
  private final Map<String, String> nativeNames = new HashMap<>();
  private final long processStart;

  private ThreadCpu() {
    processStart = processCpu();
    read(start);
    readNative(nativeStart);
  }

  /** Starts measuring now. */
  public static ThreadCpu start() {
    return new ThreadCpu();
  }

  /** Records every thread's CPU time so far. */
  public void sample() {
    read(last);
    readNative(nativeLast);
  }

  /**
   * CPU nanoseconds since the start by group: Java threads by the group {@code classifier} gives their name,
   * then the JVM's and RocksDB's own threads as "RocksDB background", "garbage collector", "JIT compiler".
   * Largest first.
   */
  public Map<String, Long> byGroup(Function<String, String> classifier) {
    sample();
    Map<String, Long> groups = new HashMap<>();
    last.forEach((id, cpu) -> groups.merge(classifier.apply(names.get(id)), cpu - start.getOrDefault(id, 0L),
        Long::sum));
    nativeLast.forEach((tid, ticks) -> {
      String group = nativeGroup(nativeNames.get(tid));
      if (group != null) {
        groups.merge(group, (ticks - nativeStart.getOrDefault(tid, 0L)) * NANOS_PER_TICK, Long::sum);
      }
    });
    Map<String, Long> sorted = new LinkedHashMap<>();
    groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** CPU nanoseconds the whole process used since the start. */
  public long processCpuNanos() {
    return processCpu() - processStart;
  }

  /** The group of a thread the JVM does not list, by its native name; null for Java threads. */
  static String nativeGroup(String name) {
    if (name == null) {
      return null;
    }
    if (name.startsWith("rocksdb:")) {
      return "RocksDB background";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Periodic")
        || name.equals("VM Thread")) {
      return "garbage collector and VM";
    }
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return "JIT compiler";
    }
    return null;
  }

  private void read(Map<Long, Long> into) {
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (cpu < 0 || infos[i] == null) {
        continue;
      }
      names.put(ids[i], infos[i].getThreadName());
      into.merge(ids[i], cpu, Math::max);
    }
  }

  private void readNative(Map<String, Long> into) {
    if (!Files.isDirectory(TASKS)) {
      return;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
          continue;
        }
        // "tid (name) state ppid ..."; the name may hold spaces and parentheses, so cut at the last ')'.
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
          continue;
        }
        String name = stat.substring(open + 1, close);
        if (nativeGroup(name) == null) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // After the name: state(0) ppid(1) ... utime(11) stime(12).
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        String tid = task.getFileName().toString();
        nativeNames.put(tid, name);
        into.merge(tid, ticks, Math::max);
      }
    } catch (IOException | RuntimeException e) {
      // No breakdown of native threads on this platform; they stay in the unlisted remainder.
    }
  }

  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(os.getProcessCpuTime(), 0);
    }
    return 0;
  }
}
