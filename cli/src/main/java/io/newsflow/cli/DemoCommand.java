package io.newsflow.cli;

import io.newsflow.avro.RawArticle;
import io.newsflow.localstack.LocalStack;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.streams.StreamsApp;
import io.newsflow.streams.api.ApiConfig;
import io.newsflow.streams.topics.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow demo}: the whole pipeline on this machine. Starts a fresh local stack and the streams app
 * with its dashboard, produces the seed articles (or the given inputs), and prints the top keywords of each
 * window; without --once it keeps everything up, dashboard included, until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs the whole pipeline locally on seeds/ (or --input) and prints the trending keywords.")
final class DemoCommand implements Callable<Integer> {

  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final String APPLICATION_ID = "newsflow-demo";

  @Mixin
  StackOptions stack;

  @Mixin
  HttpOptions http;

  @Option(names = "--once", description = "Exit as soon as every input article is reflected in news.trends.")
  boolean once;

  @Option(names = "--input", paramLabel = "PATH", description = "Files or directories to produce (default: seeds).")
  List<Path> inputs = List.of(Path.of(System.getProperty("newsflow.home", "."), "seeds"));

  @Option(names = "--data-dir", defaultValue = "${sys:newsflow.home:-.}/.newsflow/demo",
      description = "Scratch directory, emptied at every start (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--timeout", defaultValue = "PT3M",
      description = "With --once, give up after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
      description = "A streams app setting such as newsflow.trends.window=PT5M; repeatable. The demo's producer "
          + "and readers take the Kafka client settings among them.")
  Map<String, String> settings = Map.of();

  @Option(names = "--top", defaultValue = "20", description = "Keywords shown per window (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() throws Exception {
    // Checked before anything starts, so that a taken port is the only thing reported.
    Map<String, String> httpConfig = http.applyTo(settings);
    Shutdown shutdown = Shutdown.onSignal();
    deleteRecursively(dataDir);
    try (LocalStack local = LocalStack.start(stack.config(dataDir.resolve("stack")))) {
      System.out.println("Kafka:           " + local.bootstrapServers());
      System.out.println("Schema registry: " + local.schemaRegistryUrl());
      local.createTopics(Map.of(TopicNames.RAW, 3));
      // One configuration for every client of the demo, so that none of them misses a setting another one has.
      Map<String, String> config = streamsConfig(local, httpConfig);
      try (StreamsApp app = StreamsApp.start(config);
          DemoWatcher watcher = new DemoWatcher(config, TopicNames.defaults())) {
        System.out.println("Dashboard:       " + ApiConfig.from(httpConfig).url());
        Set<String> expected = expectedIds();
        ProducerSummary sent = ProducerRun.sending(ProduceCommand.producerConfig(config, TopicNames.RAW))
            .run(inputs);
        System.out.println(sent.format());
        if (!once) {
          return runUntilStopped(app, watcher, shutdown);
        }
        try (PipelineLag lag = new PipelineLag(config, APPLICATION_ID, TopicNames.RAW)) {
          return runOnce(app, watcher, lag, expected);
        }
      }
    } finally {
      shutdown.done();
    }
  }

  /**
   * Waits until every input article has come out of the pipeline, the app has committed all its input for a
   * while (so the trends stage has counted everything), and trend snapshots have stopped changing.
   */
  private int runOnce(StreamsApp app, DemoWatcher watcher, PipelineLag lag, Set<String> expected) {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (!(watcher.settled(expected, QUIET) && lag.caughtUpFor(QUIET) && watcher.settled(expected, QUIET))) {
      if (app.stopped().isDone()) {
        return stopped(app);
      }
      if (System.currentTimeMillis() > deadline) {
        System.err.printf("newsflow: gave up after %s; not yet out of the pipeline: %s%n", timeout,
            watcher.missing(expected));
        return ExitCodes.FAILED;
      }
      watcher.poll(Duration.ofMillis(200));
    }
    print(watcher);
    return ExitCodes.OK;
  }

  private int runUntilStopped(StreamsApp app, DemoWatcher watcher, Shutdown shutdown) {
    System.out.println("Watching news.trends; the dashboard follows too. Add articles with ./newsflow produce PATH. "
        + "Ctrl-C stops.");
    while (!shutdown.requested()) {
      if (app.stopped().isDone()) {
        return stopped(app);
      }
      if (watcher.poll(Duration.ofMillis(500))) {
        print(watcher);
      }
    }
    return ExitCodes.OK;
  }

  /** Kafka Streams stopped by itself: the reason on one line, and a failure exit. */
  private static int stopped(StreamsApp app) {
    System.err.println("newsflow demo: stopped: " + app.stopped().getNow(""));
    return ExitCodes.FAILED;
  }

  private void print(DemoWatcher watcher) {
    System.out.println(TrendTable.render(watcher.latestByWindow().values(), top));
    System.out.println(watcher.counters());
  }

  private Set<String> expectedIds() {
    return ProducerRun.dryRun().run(inputs).records().stream().map(RawArticle::getId).collect(Collectors.toSet());
  }

  private Map<String, String> streamsConfig(LocalStack local, Map<String, String> httpConfig) {
    Map<String, String> config = new TreeMap<>();
    config.put("bootstrap.servers", local.bootstrapServers());
    config.put("schema.registry.url", local.schemaRegistryUrl());
    config.put("application.id", APPLICATION_ID);
    config.put("state.dir", dataDir.resolve("streams-state").toString());
    config.put("newsflow.trends.emit-interval", "PT0.5S");
    // The demo replays old articles in file order, not publication order: a day of grace keeps their
    // windows open whatever order they arrive in (a live feed keeps the 10-minute default).
    config.put("newsflow.trends.grace", "P1D");
    config.putAll(httpConfig);
    return config;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
