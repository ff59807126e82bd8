package io.newsflow.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a soak's samples say at the end: the peaks, and each figure at the start, middle and end of the part of the
 * run after the first retention period of event time, with its least-squares slope there (per hour of the run). A
 * figure that stopped growing has a slope near 0 beside its size; one that grows without bound keeps the slope it
 * had before.
 */
public final class SoakSummary {

  /** The figures followed after the first retention period, by name. */
  static final Map<String, ToDoubleFunction<SoakSample>> FIGURES = figures();

  private SoakSummary() {
  }

  /** The samples taken once event time had passed {@code retentionEnd}. */
  public static List<SoakSample> after(List<SoakSample> samples, Instant retentionEnd) {
    return samples.stream().filter(s -> !s.eventTime().isBefore(retentionEnd)).toList();
  }

  /** The report's lines. */
  public static List<String> lines(List<SoakSample> samples, Instant retentionEnd, String retention) {
    List<String> lines = new ArrayList<>();
    if (samples.isEmpty()) {
      lines.add("no sample taken");
      return lines;
    }
    lines.add(format("peaks: heap used %.1f MiB, heap after GC %.1f MiB (of %.0f MiB max heap), RSS %.1f MiB, state "
            + "dir %.1f MiB, broker log %.1f MiB",
        max(samples, s -> SoakSample.mb(s.memory().heapUsed())),
        max(samples, s -> SoakSample.mb(s.memory().heapAfterGc())),
        SoakSample.mb(samples.get(samples.size() - 1).memory().heapMax()),
        max(samples, s -> SoakSample.mb(s.memory().rss())), max(samples, s -> SoakSample.mb(s.stores().stateDirBytes())),
        max(samples, s -> SoakSample.mb(s.brokerLogBytes()))));
    List<SoakSample> post = after(samples, retentionEnd);
    if (post.size() < 3) {
      lines.add("after the first retention period (" + retention + ", event time " + retentionEnd + "): "
          + post.size() + " samples, too few for a slope");
      return lines;
    }
    SoakSample first = post.get(0);
    SoakSample middle = post.get(post.size() / 2);
    SoakSample last = post.get(post.size() - 1);
    lines.add(format("after the first retention period (" + retention + " of event time, passed at %.1f min; "
        + "%d samples to %.1f min):", first.elapsedSeconds() / 60, post.size(), last.elapsedSeconds() / 60));
    FIGURES.forEach((name, figure) -> lines.add(format("  %-34s start %12.1f, middle %12.1f, end %12.1f; slope %+.1f "
        + "per hour", name, figure.applyAsDouble(first), figure.applyAsDouble(middle), figure.applyAsDouble(last),
        slopePerHour(post, figure))));
    lines.add("  by store (entries; RocksDB: estimated keys):");
    for (String store : first.stores().inMemoryEntries().keySet()) {
      lines.add(storeLine(store + " (in memory)", post, s -> s.stores().inMemoryEntries().get(store)));
    }
    for (String store : first.stores().rocksDbKeys().keySet()) {
      lines.add(storeLine(store + " (RocksDB)", post, s -> s.stores().rocksDbKeys().get(store)));
    }
    return lines;
  }

  private static String storeLine(String name, List<SoakSample> post, ToDoubleFunction<SoakSample> figure) {
    SoakSample first = post.get(0);
    SoakSample last = post.get(post.size() - 1);
    return format("    %-36s start %10.0f, middle %10.0f, end %10.0f; slope %+.0f per hour", name,
        figure.applyAsDouble(first), figure.applyAsDouble(post.get(post.size() / 2)), figure.applyAsDouble(last),
        slopePerHour(post, figure));
  }

  /** Least-squares slope of {@code figure} over elapsed hours. */
  static double slopePerHour(List<SoakSample> samples, ToDoubleFunction<SoakSample> figure) {
    int n = samples.size();
    double mx = samples.stream().mapToDouble(s -> s.elapsedSeconds() / 3600).average().orElse(0);
    double my = samples.stream().mapToDouble(figure).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    for (SoakSample s : samples) {
      double dx = s.elapsedSeconds() / 3600 - mx;
      sxy += dx * (figure.applyAsDouble(s) - my);
      sxx += dx * dx;
    }
    return n < 2 || sxx == 0 ? 0 : sxy / sxx;
  }

  static double max(List<SoakSample> samples, ToDoubleFunction<SoakSample> figure) {
    return samples.stream().mapToDouble(figure).max().orElse(0);
  }

  private static Map<String, ToDoubleFunction<SoakSample>> figures() {
    Map<String, ToDoubleFunction<SoakSample>> figures = new LinkedHashMap<>();
    figures.put("heap after GC (MiB)", s -> SoakSample.mb(s.memory().heapAfterGc()));
    figures.put("heap used (MiB)", s -> SoakSample.mb(s.memory().heapUsed()));
    figures.put("RSS (MiB)", s -> SoakSample.mb(s.memory().rss()));
    figures.put("state dir on disk (MiB)", s -> SoakSample.mb(s.stores().stateDirBytes()));
    figures.put("RocksDB live data (MiB)", s -> SoakSample.mb(s.stores().liveDataBytes()));
    figures.put("in-memory store entries (all)", s -> s.stores().inMemoryEntries().values().stream()
        .mapToLong(n -> Math.max(n, 0)).sum());
    figures.put("RocksDB keys (all, estimate)", s -> s.stores().rocksDbKeys().values().stream()
        .mapToLong(n -> Math.max(n, 0)).sum());
    figures.put("articles/s", SoakSample::articlesPerSecond);
    return figures;
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
