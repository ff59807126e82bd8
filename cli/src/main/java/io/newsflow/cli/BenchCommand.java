package io.newsflow.cli;

import io.newsflow.cli.bench.AnalyzerBench;
import io.newsflow.cli.bench.BenchCorpus;
import io.newsflow.cli.bench.BenchRate;
import io.newsflow.cli.bench.FeedArticles;
import io.newsflow.cli.bench.PacingSchedule;
import io.newsflow.cli.bench.Percentiles;
import io.newsflow.cli.bench.TrendCeiling;
import io.newsflow.streams.StreamsApp;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.keywords.KeywordConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code newsflow bench}: how fast the whole pipeline is next to its most expensive stage alone. In one process
 * it runs the keyword extractor standalone over a corpus, then the whole pipeline (producer, local Kafka and
 * registry, streams app) over the same corpus with the same number of threads, and prints both throughputs,
 * their ratio, produce-to-trend latency percentiles and where the CPU time went. Not a test: nothing is asserted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures the keyword analyzer alone, then the whole pipeline, on one corpus; prints both "
        + "throughputs, their ratio and produce-to-trend latency.")
final class BenchCommand implements Callable<Integer> {

  /** The pipeline's throughput should be at least this share of the analyzer's. */
  static final double TARGET_RATIO = 0.8;

  /** How long a paced run feeds unless --duration says. */
  static final Duration PACED_DEFAULT = Duration.ofMinutes(5);

  /** How long the steady run that measures the peak for {@code --rate auto} lasts. */
  static final Duration AUTO_PROBE = Duration.ofMinutes(1);

  /** What the options ask for: a burst of articles (the default), a steady run, or a paced run. */
  enum Mode { BURST, STEADY, PACED }

  /**
   * The run the options ask for.
   *
   * @param mode burst, steady or paced
   * @param duration how long a steady or paced run feeds; null for a burst
   * @param rate a paced run's rate; null otherwise
   */
  record Plan(Mode mode, Duration duration, BenchRate rate) {
  }

  @Spec
  CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "PATH", split = ",",
      description = "Corpus files or directories (default: articles generated from the seeds). Without --lines, "
          + "in the producer's formats.")
  List<Path> corpus;

  @Option(names = "--lines", description = "Read the corpus's text files as one article per line.")
  boolean lines;

  @Option(names = "--seeds", defaultValue = "${sys:newsflow.home:-.}/seeds",
      description = "Seed articles the default corpus is generated from (default: ${DEFAULT-VALUE}).")
  Path seeds;

  @Option(names = "--articles", paramLabel = "N",
      description = "Articles to run: generated (default 3000), or the first N of --corpus (default: all).")
  Integer articles;

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
      description = "Steady state instead of a burst: after the warm-up, feed the corpus again and again (fresh "
          + "ids and urls, words shuffled within sentences) as fast as the pipeline takes it, and measure for D "
          + "(e.g. 10m, PT30S). With --rate: how long to feed at that rate (default 5m).")
  Duration duration;

  @Option(names = "--rate", paramLabel = "R", converter = RateConverter.class,
      description = "Paced latency: send R articles/s for --duration (default 5m) and print produce-to-news.articles "
          + "and produce-to-news.trends latency percentiles; 'auto': half of the peak a 1-minute steady run "
          + "measures first.")
  BenchRate rate;

  @Option(names = "--threads", paramLabel = "N",
      description = "Analyzer threads and stream threads (default: the number of processors).")
  Integer threads;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions of news.raw (default: --threads, at least 1).")
  Integer partitions;

  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
      description = "A streams app setting over the bench's own (application.id, num.stream.threads, "
          + "newsflow.trends.grace); repeatable, e.g. -D commit.interval.ms=200. The bench's producer and "
          + "readers take the Kafka client settings among them.")
  Map<String, String> settings = Map.of();

  @Option(names = "--warm-up", paramLabel = "N", defaultValue = "2000",
      description = "Articles generated from the seeds that go through the pipeline untimed first, so that the "
          + "JIT has compiled most of it (default: ${DEFAULT-VALUE}; 0: none; 10000 comes closer to a "
          + "long-running process).")
  int warmUp;

  @Option(names = "--trend-ceiling",
      description = "Also measure the trend stage's one task from Kafka Streams' task metrics and print the "
          + "articles/s it could take on one thread. Runs the streams app at metrics.recording.level=DEBUG, which "
          + "makes the rest of the pipeline slower, hence not by default.")
  boolean trendCeiling;

  @Option(names = "--timeout", defaultValue = "PT10M",
      description = "Give up on the pipeline run after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** Reads --rate: a positive number of articles per second, or auto. */
  static final class RateConverter implements ITypeConverter<BenchRate> {
    @Override
    public BenchRate convert(String value) {
      try {
        return BenchRate.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * The run the options ask for.
   *
   * @throws ParameterException when they do not fit together
   */
  Plan plan() {
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new ParameterException(spec.commandLine(), "--duration must be positive: " + duration);
    }
    if (trendCeiling && (duration != null || rate != null)) {
      throw new ParameterException(spec.commandLine(), "--trend-ceiling measures a burst: not with --duration or "
          + "--rate");
    }
    if (rate != null) {
      return new Plan(Mode.PACED, duration == null ? PACED_DEFAULT : duration, rate);
    }
    return duration != null ? new Plan(Mode.STEADY, duration, null) : new Plan(Mode.BURST, null, null);
  }

  @Override
  public Integer call() throws IOException {
    Plan plan = plan();
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    int p = partitions == null ? Math.max(n, 1) : partitions;
    Path work = Files.createTempDirectory("newsflow-bench-");
    try {
      BenchCorpus data = corpus(work);
      KeywordConfig keywords = KeywordConfig.from(settings);
      System.out.printf("newsflow bench: %s%n", data.description());
      System.out.printf("  %d articles normalized (%s), %s of text; %d rejected by the normalizer%n",
          data.normalized().size(), languages(data), megabytes(data.bytes()), data.notNormalized());
      Map<String, String> overrides = new TreeMap<>(trendCeiling ? PipelineBench.trendCeilingSettings() : Map.of());
      overrides.putAll(settings);
      Map<String, String> streams = new TreeMap<>(PipelineBench.defaults(n));
      streams.putAll(overrides);
      System.out.printf("  threads: %d; news.raw partitions: %d; processors: %d; streams settings: %s%n", n, p,
          Runtime.getRuntime().availableProcessors(), streams);

      AnalyzerBench.Result analyzer = AnalyzerBench.run(data.normalized(), data.bytes(), n, keywords);
      System.out.printf(Locale.ROOT,
          "analyzer (standalone, %d threads, one KeywordExtractor each): %d articles in %.2f s: %.1f articles/s,"
              + " %.2f MB/s%n", n, analyzer.articles(), analyzer.seconds(), analyzer.articlesPerSecond(),
          analyzer.megabytesPerSecond());

      BenchCorpus warm = warmUp > 0 ? BenchCorpus.warmUp(seeds, warmUp, work) : null;
      if (plan.mode() == Mode.BURST) {
        burst(data, warm, analyzer, n, p, overrides, work);
      } else {
        continuous(plan, data, warm, analyzer, n, p, overrides, streams, work);
      }
      return ExitCodes.OK;
    } finally {
      deleteRecursively(work);
    }
  }

  private void burst(BenchCorpus data, BenchCorpus warm, AnalyzerBench.Result analyzer, int n, int p,
      Map<String, String> overrides, Path work) {
    PipelineBench.Result pipeline =
        PipelineBench.run(data, warm, n, p, overrides, timeout, work.resolve("state"));
    double articlesPerSecond = pipeline.sent() / pipeline.seconds();
    double megabytesPerSecond = data.bytes() / 1e6 / pipeline.seconds();
    System.out.printf(Locale.ROOT,
        "pipeline (producer -> news.trends, %d stream threads, after %d warm-up articles): %d articles in"
            + " %.2f s: %.1f articles/s, %.2f MB/s (%d unique, %d duplicates, %d dead letters)%n", n, warmUp,
        pipeline.sent(),
        pipeline.seconds(), articlesPerSecond, megabytesPerSecond, pipeline.unique(), pipeline.duplicates(),
        pipeline.deadLetters());
    double ratio = articlesPerSecond / analyzer.articlesPerSecond();
    System.out.printf(Locale.ROOT, "ratio pipeline/analyzer: %.2f (target %.2f)%n", ratio, TARGET_RATIO);
    printLatency(pipeline);
    printWhereTheTimeWent(pipeline, analyzer);
    if (trendCeiling) {
      printTrendCeiling(pipeline);
    }
  }

  /** A steady or paced run (an auto rate first measuring the peak with a short steady run), in one pipeline. */
  private void continuous(Plan plan, BenchCorpus data, BenchCorpus warm, AnalyzerBench.Result analyzer, int n,
      int p, Map<String, String> overrides, Map<String, String> streams, Path work) {
    FeedArticles feed = new FeedArticles(data.raw());
    String setup = String.format(Locale.ROOT, "producer -> news.trends, %d stream threads, after %d warm-up "
        + "articles", n, warmUp);
    PipelineBench.withPipeline(warm, n, p, overrides, timeout, work.resolve("state"), running -> {
      double peak = 0;
      if (plan.mode() == Mode.STEADY || plan.rate().auto()) {
        Duration steadyFor = plan.mode() == Mode.STEADY ? plan.duration() : AUTO_PROBE;
        SteadyBench.Result steady = SteadyBench.steady(running, feed, steadyFor, timeout);
        print(SteadyReport.steady(steady, setup + String.format(Locale.ROOT, ", the feed %d articles ahead",
            SteadyBench.BACKLOG), analyzer.articlesPerSecond()));
        print(SteadyReport.costs(steady, analyzer.cpuNanosPerArticle()));
        peak = steady.articlesPerSecond();
      }
      if (plan.mode() == Mode.PACED) {
        paced(running, feed, plan, peak, setup, analyzer, streams);
      }
      return null;
    });
  }

  private void paced(PipelineBench.Running running, FeedArticles feed, Plan plan, double peak, String setup,
      AnalyzerBench.Result analyzer, Map<String, String> streams) {
    double perSecond = plan.rate().resolve(peak);
    if (plan.rate().auto()) {
      System.out.printf(Locale.ROOT, "rate auto: %.0f%% of the steady peak of %.1f articles/s: %.1f articles/s%n",
          BenchRate.AUTO_SHARE * 100, peak, perSecond);
      if (!(perSecond > 0)) {
        throw new IllegalStateException("the steady run measured no throughput to pace at");
      }
    }
    SteadyBench.Result paced =
        SteadyBench.paced(running, feed, new PacingSchedule(perSecond, plan.duration()), timeout);
    print(SteadyReport.paced(paced, setup, perSecond, plan.duration(),
        streams.getOrDefault("commit.interval.ms", StreamsApp.DEFAULT_COMMIT_INTERVAL_MS),
        StreamsSettings.commitWhenCaughtUp(streams), StreamsSettings.from(streams).trends().emitInterval()));
    print(SteadyReport.costs(paced, analyzer.cpuNanosPerArticle()));
  }

  private static void print(List<String> lines) {
    lines.forEach(System.out::println);
  }

  private BenchCorpus corpus(Path work) {
    if (corpus == null || corpus.isEmpty()) {
      return BenchCorpus.generated(seeds, articles == null ? 3000 : articles, work);
    }
    int max = articles == null ? 0 : articles;
    return lines ? BenchCorpus.fromLines(corpus, max, work) : BenchCorpus.fromArticles(corpus, max, work);
  }

  private static void printLatency(PipelineBench.Result pipeline) {
    long[] latencies = pipeline.latencies();
    if (latencies.length == 0) {
      System.out.println("produce-to-trend latency: no unique article");
      return;
    }
    System.out.printf("produce-to-trend latency over %d articles (ms): p50 %d, p95 %d, p99 %d, max %d%n",
        latencies.length, Percentiles.of(latencies, 50), Percentiles.of(latencies, 95),
        Percentiles.of(latencies, 99), Percentiles.of(latencies, 100));
    System.out.println("  (per unique article: from its send by the producer, the CreateTime of its news.raw record,"
        + " to the receipt of the first news.trends snapshot received after the article itself was received from"
        + " news.articles; read_committed)");
  }

  private static void printWhereTheTimeWent(PipelineBench.Result pipeline, AnalyzerBench.Result analyzer) {
    System.out.printf(Locale.ROOT,
        "stages: the producer sent the last article at %.2f s, the last article came out at %.2f s, "
            + "the trend snapshot after it at %.2f s%n",
        pipeline.lastSendMillis() / 1000.0, pipeline.lastArticleMillis() / 1000.0, pipeline.seconds());
    int processors = Runtime.getRuntime().availableProcessors();
    double keywordSeconds = analyzer.cpuNanosPerArticle() * pipeline.unique() / 1e9;
    String groups = pipeline.cpuNanos().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9)
            + (e.getKey().equals("stream threads")
                ? String.format(Locale.ROOT, " (keyword extraction about %.2f s of it)", keywordSeconds) : ""))
        .collect(Collectors.joining(", "));
    long threadSum = pipeline.cpuNanos().values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(Locale.ROOT,
        "CPU during the pipeline run (%.2f s x %d processors = %.2f s available; process used %.2f s): %s, "
            + "other threads %.2f s%n",
        pipeline.seconds(), processors, pipeline.seconds() * processors, pipeline.processCpuNanos() / 1e9, groups,
        Math.max(0, pipeline.processCpuNanos() - threadSum) / 1e9);
    // Costs in CPU time do not depend on what else the machine runs, unlike the throughputs above.
    double analyzerCost = analyzer.cpuNanosPerArticle() / 1e6;
    double pipelineCost = pipeline.processCpuNanos() / 1e6 / Math.max(pipeline.sent(), 1);
    System.out.printf(Locale.ROOT,
        "CPU per article: analyzer %.2f ms, pipeline %.2f ms (whole process); on cores both use fully, the ratio "
            + "can reach at most %.2f%n", analyzerCost, pipelineCost, analyzerCost / pipelineCost);
  }

  private static void printTrendCeiling(PipelineBench.Result pipeline) {
    System.out.println(pipeline.trend().map(TrendCeiling::report).orElse(
        "trend task: no figure (its task metrics were not there, or restarted during the run)"));
  }

  private static String languages(BenchCorpus data) {
    return data.languages().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
