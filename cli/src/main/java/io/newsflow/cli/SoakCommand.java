package io.newsflow.cli;

import io.newsflow.avro.RawArticle;
import io.newsflow.cli.bench.BrokerFootprint;
import io.newsflow.cli.bench.JvmMemory;
import io.newsflow.cli.bench.SoakArticles;
import io.newsflow.cli.bench.SoakChart;
import io.newsflow.cli.bench.SoakSample;
import io.newsflow.cli.bench.SoakSummary;
import io.newsflow.cli.bench.StoreSizes;
import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.streams.StreamsApp;
import io.newsflow.streams.api.OperatorApi;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.dedup.MatchIndexProcessor;
import io.newsflow.streams.dedup.ResolverProcessor;
import io.newsflow.streams.learn.KeywordLearner;
import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.trends.TrendsProcessor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow soak}: a month of news through the whole pipeline in one process (local Kafka and registry, the
 * streams app), sampling memory, store sizes and throughput as it goes, to show that nothing grows without bound
 * once the stores' retention has passed. Writes the samples to a CSV file and a chart of them to a PNG file, and
 * fails when an article sent did not come out.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Feeds a month of generated news (duplicates, revisions, languages; event time over --days) "
        + "through the local pipeline, samples heap, RSS, RocksDB and store sizes and throughput every "
        + "--sample-every into a CSV file and a PNG chart.")
final class SoakCommand implements Callable<Integer> {

  /** The in-memory stores the soak counts (exactly, through interactive queries). */
  static final List<String> IN_MEMORY_STORES = List.of(ResolverProcessor.EXPIRY_STORE, TrendsProcessor.TALLY_STORE,
      TrendsProcessor.WINDOW_STORE, TrendsProcessor.CONTRIBUTION_STORE, TrendsProcessor.HISTORY_STORE,
      TrendsProcessor.PROGRESS_STORE);
  /** The RocksDB stores the soak counts (RocksDB's estimate of their keys). */
  static final List<String> ROCKSDB_STORES = List.of(ResolverProcessor.STORE, MatchIndexProcessor.STORE,
      KeywordLearner.STATE_STORE, KeywordLearner.TERMS_STORE, KeywordLearner.NOUNS_STORE, KeywordLearner.PAIRS_STORE,
      KeywordLearner.MODEL_STORE, KeywordLearner.DECISIONS_STORE, OperatorApi.ARTICLES_STORE, OperatorApi.INDEX_STORE,
      OperatorApi.SNAPSHOTS_STORE, OperatorApi.STATS_STORE);

  /** The trend windows' grace at the least: the app's default. */
  static final Duration MIN_GRACE = Duration.ofMinutes(10);
  private static final Duration POLL = Duration.ofMillis(50);
  /** After the feed has sent everything, how long without a new article out ends the wait for the rest. */
  private static final Duration DRAIN_QUIET = Duration.ofMinutes(2);
  private static final long RANDOM_SEED = 20250224L;

  @Spec
  CommandSpec spec;

  @Option(names = "--articles", paramLabel = "N", defaultValue = "1000000",
      description = "Articles to send (default: ${DEFAULT-VALUE}).")
  long articles;

  @Option(names = "--days", paramLabel = "D", defaultValue = "30",
      description = "Event time runs from D days ago to now over the feed (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--sample-every", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
      description = "How often to sample (default: ${DEFAULT-VALUE}).")
  Duration sampleEvery;

  @Option(names = "--csv", paramLabel = "FILE", defaultValue = "soak.csv",
      description = "The samples, one row each (default: ${DEFAULT-VALUE}).")
  Path csv;

  @Option(names = "--png", paramLabel = "FILE", defaultValue = "soak.png",
      description = "The chart of the samples (default: ${DEFAULT-VALUE}).")
  Path png;

  @Option(names = "--threads", paramLabel = "N",
      description = "Stream threads, and partitions of news.raw (default: the number of processors).")
  Integer threads;

  @Option(names = "--seeds", defaultValue = "${sys:newsflow.home:-.}/seeds",
      description = "Seed articles the feed is generated from (default: ${DEFAULT-VALUE}).")
  Path seeds;

  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
      description = "A streams app setting over the soak's own (application.id, num.stream.threads, "
          + "newsflow.trends.grace); repeatable.")
  Map<String, String> settings = Map.of();

  @Option(names = "--timeout", defaultValue = "PT3H",
      description = "Give up after this long in all (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /**
   * The trend windows' grace for a feed of {@code articles} over {@code span} of event time: the event time of as
   * many articles as the feed keeps ahead of the output ({@link SteadyBench#BACKLOG}), at least {@link #MIN_GRACE}.
   * Event time runs about 700 times faster than the wall clock (a month in an hour), so the default 10 minutes
   * would be under a second of the run, less than the few seconds an article takes through the repartition hops
   * where articles of different partitions meet out of order: most would be late. The feed sends no article more
   * than the backlog ahead of the first one not out yet ({@link SoakOutput#firstNotOut()}), so none is further
   * behind the trend stage's stream time than that; rounded up to the minute.
   */
  static Duration grace(long articles, Duration span) {
    Duration backlog = span.multipliedBy(SteadyBench.BACKLOG).dividedBy(Math.max(articles - 1, 1));
    return backlog.compareTo(MIN_GRACE) > 0 ? backlog.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : MIN_GRACE;
  }

  @Override
  public Integer call() throws IOException {
    if (articles < 1 || articles > Integer.MAX_VALUE || days < 1 || sampleEvery.isNegative() || sampleEvery.isZero()) {
      throw new ParameterException(spec.commandLine(), "--articles must be 1.." + Integer.MAX_VALUE
          + ", --days and --sample-every positive");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Map<String, String> overrides = new TreeMap<>();
    overrides.put("application.id", "newsflow-soak");
    overrides.put("newsflow.trends.grace", grace(articles, Duration.ofDays(days)).toString());
    // The broker deletes a changelog's records by their timestamp (event time) against the wall clock: the match
    // index's changelog keeps 2 x dedup retention + this, 15 days by default, and the soak's first articles are
    // 30 days old when sent. Deleting its whole log, active segment included, drops the broker's state of the
    // app's transactional producer (OutOfOrderSequenceException, tasks revived). On a live feed event time is
    // about now; here the changelogs must keep what the stores keep, for the whole span.
    overrides.put("windowstore.changelog.additional.retention.ms", Long.toString(Duration.ofDays(days + 1).toMillis()));
    overrides.putAll(settings);
    Map<String, String> streams = new TreeMap<>(PipelineBench.defaults(n));
    streams.putAll(overrides);
    StreamsSettings app = StreamsSettings.from(streams);
    // The dedup stores keep an article twice the dedup retention (ResolverProcessor's items and their in-memory
    // expiry index, MatchIndexProcessor's members): the longest any store keeps anything in event time.
    Duration retention = app.dedupRetention().multipliedBy(2);
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minus(Duration.ofDays(days));
    SoakArticles feed = SoakArticles.fromSeeds(seeds, articles, start, end, SoakArticles.Mix.DEFAULT, RANDOM_SEED);
    System.out.printf(Locale.ROOT, "newsflow soak: %d articles, event time %s to %s; max heap %.0f MiB; %d stream "
            + "threads; first retention period %s (the dedup stores: 2 x newsflow.dedup.retention %s)%n",
        articles, start, end, SoakSample.mb(Runtime.getRuntime().maxMemory()), n, retention, app.dedupRetention());
    System.out.printf("  streams settings: %s%n", streams);
    for (Path file : List.of(csv, png)) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    }
    Path work = Files.createTempDirectory("newsflow-soak-");
    try {
      Path stateDir = work.resolve("state");
      Run run = PipelineBench.withApp(n, n, overrides, stateDir,
          (local, config, streamsApp) -> new Run(feed, config, streamsApp, stateDir).go());
      return report(run, start.plus(retention), retention);
    } finally {
      BenchCommand.deleteRecursively(work);
    }
  }

  private int report(Run run, Instant retentionEnd, Duration retention) {
    List<SoakSample> samples = run.samples;
    SoakSample last = samples.get(samples.size() - 1);
    Double passedAt = samples.stream().filter(s -> !s.eventTime().isBefore(retentionEnd)).findFirst()
        .map(SoakSample::elapsedSeconds).orElse(null);
    SoakChart.write(samples, passedAt, String.format(Locale.ROOT, "newsflow soak: %,d articles, %d days of event "
        + "time, -Xmx %.0f MiB", articles, days, SoakSample.mb(last.memory().heapMax())), png);
    System.out.printf(Locale.ROOT, "soak: %d sent, %d out in %.1f s: %.1f articles/s (%d unique, %d duplicates, %d "
            + "dead letters); sent by kind %s, languages of unique articles %s; duplicate notices by kind %s; dead "
            + "letters by stage and reason %s%n",
        run.sent, last.out(), last.elapsedSeconds(), last.out() / last.elapsedSeconds(), last.unique(),
        last.duplicates(), last.deadLetters(), run.kinds, run.languages, run.noticeKinds, run.deadLetterReasons);
    run.firstReasons.forEach((kind, reason) -> System.out.printf("  first dead letter of %s: %s%n", kind, reason));
    SoakSummary.lines(samples, retentionEnd, retention.toString()).forEach(System.out::println);
    System.out.printf("samples: %d rows in %s; chart: %s%n", samples.size(), csv, png);
    if (run.missing > 0) {
      System.out.printf("FAILED: %d of %d articles sent did not come out, e.g. %s%n", run.missing, run.sent,
          run.missingExamples);
      return ExitCodes.FAILED;
    }
    System.out.println("every article sent came out on news.articles, news.duplicates or news.dlq");
    return ExitCodes.OK;
  }

  /** One soak on a running pipeline: feeds, samples, waits for every article. */
  private final class Run {
    private final SoakArticles feed;
    private final Map<String, String> config;
    private final StreamsApp app;
    private final Path stateDir;
    private final List<SoakSample> samples = new ArrayList<>();
    private final Map<SoakArticles.Kind, Long> kindsSent = new EnumMap<>(SoakArticles.Kind.class);
    private final Map<String, Long> languagesSent = new TreeMap<>();
    private String kinds;
    private String languages;
    private Map<String, Long> noticeKinds;
    private Map<String, Long> deadLetterReasons;
    private Map<String, String> firstReasons;
    private long sent;
    private long missing;
    private String missingExamples;

    Run(SoakArticles feed, Map<String, String> config, StreamsApp app, Path stateDir) {
      this.feed = feed;
      this.config = config;
      this.app = app;
      this.stateDir = stateDir.resolve(config.get("application.id"));
    }

    Run go() {
      long deadline = System.currentTimeMillis() + timeout.toMillis();
      try (SoakOutput output = new SoakOutput(config, TopicNames.defaults());
          Admin admin = Admin.create(KafkaClientSettings.admin(config));
          BufferedWriter rows = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        output.awaitAssignment(PipelineBench.STARTUP);
        rows.write(SoakSample.header(IN_MEMORY_STORES, ROCKSDB_STORES));
        rows.newLine();
        SteadyBench.Feed sender = new SteadyBench.Feed(config, now -> next(), null, id -> { }, feed.count());
        long startMillis = System.currentTimeMillis();
        long nextSample = startMillis;
        long lastOut = -1;
        long lastChange = startMillis;
        try (sender) {
          sender.start();
          while (sender.running() || output.out() < sender.sent()) {
            sender.check();
            long now = System.currentTimeMillis();
            if (now > deadline) {
              throw new IllegalStateException("gave up after " + timeout + ": " + sender.sent() + " sent, "
                  + output.out() + " out");
            }
            if (!sender.running() && now - lastChange > DRAIN_QUIET.toMillis()) {
              break;
            }
            output.poll(POLL);
            sender.out.set(output.firstNotOut());
            if (output.out() != lastOut) {
              lastOut = output.out();
              lastChange = System.currentTimeMillis();
            }
            if (System.currentTimeMillis() >= nextSample) {
              sample(rows, output, admin, startMillis, sender.sent());
              nextSample += sampleEvery.toMillis();
            }
          }
        }
        sample(rows, output, admin, startMillis, sender.sent());
        sent = sender.sent();
        missing = sent - output.out();
        missingExamples = output.missing(sent, 10);
        noticeKinds = output.noticeKinds();
        deadLetterReasons = output.deadLetterReasons();
        firstReasons = output.firstReasons();
        kinds = kindsSent.toString();
        languages = languagesSent.toString();
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
      }
    }

    /** The feed's next record; called on the feed thread only (the counts are read after it ended). */
    private RawArticle next() {
      SoakArticles.Item item = feed.next();
      kindsSent.merge(item.kind(), 1L, Long::sum);
      if (item.kind() == SoakArticles.Kind.UNIQUE) {
        languagesSent.merge(item.language(), 1L, Long::sum);
      }
      return item.record();
    }

    private void sample(BufferedWriter rows, SoakOutput output, Admin admin, long startMillis, long sentSoFar)
        throws IOException {
      double elapsed = (System.currentTimeMillis() - startMillis) / 1000.0;
      SoakSample previous = samples.isEmpty() ? null : samples.get(samples.size() - 1);
      long out = output.out();
      double rate = previous == null || elapsed <= previous.elapsedSeconds() ? 0
          : (out - previous.out()) / (elapsed - previous.elapsedSeconds());
      BrokerFootprint broker = BrokerFootprint.read(admin);
      long brokerBytes = broker.bytes().values().stream().mapToLong(Long::longValue).sum();
      SoakSample sample = new SoakSample(elapsed, feed.eventTime(Math.max(out - 1, 0)), sentSoFar, out,
          output.unique(), output.duplicates(), output.deadLetters(), rate, JvmMemory.read(), brokerBytes,
          StoreSizes.read(app.streams(), stateDir, IN_MEMORY_STORES, ROCKSDB_STORES));
      samples.add(sample);
      rows.write(sample.csvRow());
      rows.newLine();
      rows.flush();
      System.out.printf(Locale.ROOT, "sample %.0f s: %d sent, %d out, %.1f articles/s, event time %s, heap %.0f MiB "
              + "(after GC %.0f), RSS %.0f MiB, state dir %.0f MiB, in-memory entries %s%n", elapsed, sentSoFar, out,
          rate, sample.eventTime(), SoakSample.mb(sample.memory().heapUsed()),
          SoakSample.mb(sample.memory().heapAfterGc()), SoakSample.mb(sample.memory().rss()),
          SoakSample.mb(sample.stores().stateDirBytes()),
          sample.stores().inMemoryEntries().values().stream().map(String::valueOf).collect(Collectors.joining("/")));
    }
  }
}
