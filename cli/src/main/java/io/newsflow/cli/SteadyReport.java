package io.newsflow.cli;

import io.newsflow.cli.bench.BrokerFootprint;
import io.newsflow.cli.bench.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The lines {@code newsflow bench} prints for a steady or paced run: throughput, CPU per article by component,
 * the broker's records and bytes per article, and for a paced run the latency percentiles beside the intervals
 * that bound them. Every per-article figure divides by the articles that came out in the measured interval.
 */
final class SteadyReport {

  private SteadyReport() {
  }

  /** The steady run's throughput line and its ratio to the analyzer's. */
  static List<String> steady(SteadyBench.Result run, String setup, double analyzerArticlesPerSecond) {
    return List.of(
        String.format(Locale.ROOT, "steady pipeline (%s): %d articles out in %.2f s: %.1f articles/s (%d sent in "
            + "the run, %d duplicates, %d dead letters)", setup, run.out(), run.seconds(), run.articlesPerSecond(),
            run.sent(), run.duplicates(), run.deadLetters()),
        String.format(Locale.ROOT, "ratio pipeline/analyzer: %.2f (target %.2f)",
            run.articlesPerSecond() / analyzerArticlesPerSecond, BenchCommand.TARGET_RATIO));
  }

  /**
   * The paced run's feed line and its two latency lines, with the commit and emit intervals beside them, and
   * whether a caught-up stream thread commits before the interval.
   */
  static List<String> paced(SteadyBench.Result run, String setup, double rate, Duration duration,
      String commitIntervalMs, boolean commitWhenCaughtUp, Duration emitInterval) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "paced pipeline (%s): %d articles sent at %.1f articles/s for %s (at most "
        + "%d ms behind the schedule), %d out in %.2f s (%d duplicates, %d dead letters)", setup, run.sent(), rate,
        duration, run.maxLagMillis(), run.out(), run.seconds(), run.duplicates(), run.deadLetters()));
    String intervals = String.format(Locale.ROOT, "commit.interval.ms %s, newsflow.commit.when-caught-up %s, "
        + "newsflow.trends.emit-interval %s", commitIntervalMs, commitWhenCaughtUp, emitInterval);
    lines.add(latency("produce-to-news.articles", run.articleLatencies(), intervals));
    lines.add(latency("produce-to-news.trends", run.trendLatencies(), intervals));
    return lines;
  }

  static String latency(String what, long[] millis, String intervals) {
    if (millis.length == 0) {
      return what + " latency: no unique article (" + intervals + ")";
    }
    return String.format(Locale.ROOT, "%s latency over %d articles (ms): p50 %d, p95 %d, p99 %d, max %d (%s)", what,
        millis.length, Percentiles.of(millis, 50), Percentiles.of(millis, 95), Percentiles.of(millis, 99),
        Percentiles.of(millis, 100), intervals);
  }

  /**
   * CPU per article by component, internal records per article and bytes per article on the broker, over the
   * measured interval; {@code keywordNanosPerArticle} is the analyzer's cost, the share of the stream threads
   * keyword extraction should take.
   */
  static List<String> costs(SteadyBench.Result run, double keywordNanosPerArticle) {
    long articles = Math.max(run.out(), 1);
    long listed = run.cpuNanos().values().stream().mapToLong(Long::longValue).sum();
    String components = run.cpuNanos().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e6 / articles)
            + (e.getKey().startsWith("stream threads")
                ? String.format(Locale.ROOT, " (keyword extraction about %.2f of it)", keywordNanosPerArticle / 1e6)
                : ""))
        .collect(Collectors.joining(", "));
    int processors = Runtime.getRuntime().availableProcessors();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "CPU per article (ms; %.2f s x %d processors available, the process used "
        + "%.2f s): whole process %.2f: %s, other threads %.2f", run.seconds(), processors,
        run.processCpuNanos() / 1e9, run.processCpuNanos() / 1e6 / articles, components,
        Math.max(0, run.processCpuNanos() - listed) / 1e6 / articles));
    lines.add("  (a stream thread runs tasks of every stage, so thread names do not split it by stage)");
    lines.add(internalRecords(run.broker(), articles));
    lines.add(internalTopics(run.internalTopics(), articles));
    lines.add(bytes(run.broker(), articles));
    return lines;
  }

  /** Repartition and changelog records per article: offsets, so with the commits' transaction markers. */
  static String internalRecords(Map<String, BrokerFootprint.Growth> broker, long articles) {
    long repartition = broker.get("repartition").records();
    long changelog = broker.get("changelog").records();
    return String.format(Locale.ROOT, "internal records per article: %.1f (repartition %.1f, changelog %.1f; "
        + "offsets, transaction markers included); other topics: %s", (repartition + changelog) / (double) articles,
        repartition / (double) articles, changelog / (double) articles,
        perArticle(broker, articles, false, BrokerFootprint.Growth::records, "%.1f"));
  }

  /** Records and bytes per article of each repartition and changelog topic, most records first. */
  static String internalTopics(Map<String, BrokerFootprint.Growth> topics, long articles) {
    return "  by topic (records, bytes per article): " + topics.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.1f, %.0f", e.getKey(), e.getValue().records() / (double) articles,
            e.getValue().bytes() / (double) articles))
        .collect(Collectors.joining("; "));
  }

  /** The broker's log growth per article, by kind of topic. */
  static String bytes(Map<String, BrokerFootprint.Growth> broker, long articles) {
    long total = broker.values().stream().mapToLong(BrokerFootprint.Growth::bytes).sum();
    return String.format(Locale.ROOT, "bytes per article on the broker (log size growth): %.0f (%s)",
        total / (double) articles, perArticle(broker, articles, true, BrokerFootprint.Growth::bytes, "%.0f"));
  }

  private static String perArticle(Map<String, BrokerFootprint.Growth> broker, long articles, boolean internal,
      ToLongFunction<BrokerFootprint.Growth> value, String format) {
    return broker.entrySet().stream()
        .filter(e -> internal || !(e.getKey().equals("repartition") || e.getKey().equals("changelog")))
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, format, value.applyAsLong(e.getValue())
            / (double) articles))
        .collect(Collectors.joining(", "));
  }
}
