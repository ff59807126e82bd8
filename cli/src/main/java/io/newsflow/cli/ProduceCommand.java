package io.newsflow.cli;

import io.newsflow.producer.ProducerConfig;
import io.newsflow.producer.ProducerInputs;
import io.newsflow.producer.ProducerOptions;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.producer.RecordJson;
import io.newsflow.producer.RunningProducer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow produce SOURCE...}: sends the articles of files, directories, RSS/Atom feeds and stdin to
 * news.raw, once, or until Ctrl-C when following directories or polling feeds.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {
        "Reads articles from files and directories (portal-layout text, JSON, JSON Lines, HTML pages, CSV, "
            + "RSS/Atom files, Reuters-21578 .sgm files), RSS and Atom feed URLs, and - (JSON Lines on stdin), and "
            + "publishes them to news.raw.",
        "With --follow or feed URLs it runs until Ctrl-C; otherwise it reads once and exits.",
        "Exit codes: 0 all sent, 1 failed (cluster unreachable, state file unusable), 2 usage, "
            + "3 partial (some inputs failed; the summary lists them)."})
final class ProduceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ClusterOptions cluster;

  @Parameters(arity = "1..*", paramLabel = "SOURCE",
      description = "Files, directories, feed URLs (http:// or https://), or - for JSON Lines on stdin.")
  List<String> sources;

  @Option(names = "--topic", defaultValue = ProducerConfig.DEFAULT_TOPIC,
      description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--dry-run",
      description = "Parse and print the records as JSON lines on stdout without sending them (no state is read or written).")
  boolean dryRun;

  @Option(names = "--follow", description = "Keep watching the directories and files given: send new and grown files as they appear.")
  boolean follow;

  @Option(names = "--once", description = "Poll each feed once, read everything once, then exit (for cron).")
  boolean once;

  @Option(names = "--poll-interval", defaultValue = "1m", converter = DurationConverter.class,
      description = "Time between two polls of a feed (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--scan-interval", defaultValue = "1s", converter = DurationConverter.class,
      description = "Time between two scans of followed directories (default: ${DEFAULT-VALUE}).")
  Duration scanInterval;

  @Option(names = "--retry-initial", defaultValue = "5s", converter = DurationConverter.class,
      description = "First wait before retrying a feed that failed; doubled at each failure in a row (default: ${DEFAULT-VALUE}).")
  Duration retryInitial;

  @Option(names = "--retry-max", defaultValue = "10m", converter = DurationConverter.class,
      description = "Longest wait between two retries of a failing feed (default: ${DEFAULT-VALUE}).")
  Duration retryMax;

  @Option(names = "--rate", defaultValue = "0", paramLabel = "N",
      description = "At most N records per second over all sources; 0 for no cap (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--max-item-bytes", defaultValue = "1048576", paramLabel = "BYTES",
      description = "Items larger than this are reported and not sent (default: ${DEFAULT-VALUE}).")
  int maxItemBytes;

  @Option(names = "--state", paramLabel = "FILE", defaultValue = "${sys:newsflow.home:-.}/.newsflow/producer-state.json",
      description = "Where the ids sent and read positions are kept, so a restart resends nothing (default: ${DEFAULT-VALUE}).")
  Path stateFile;

  @Option(names = "--no-state", description = "Keep no state: every run sends everything again.")
  boolean noState;

  @Option(names = "--progress-interval", defaultValue = "10s", converter = DurationConverter.class,
      description = "When not on a terminal, time between two progress log lines (default: ${DEFAULT-VALUE}).")
  Duration progressInterval;

  @Option(names = "--no-progress", description = "Show no progress, only the final summary.")
  boolean noProgress;

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Serve /metrics (Prometheus) and /health on this port while the run lasts; 0 picks a free port "
          + "(default: none).")
  Integer httpPort;

  @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address /metrics and /health listen on, with --http-port (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Override
  public Integer call() throws InterruptedException {
    ProducerInputs inputs;
    ProducerOptions options;
    try {
      inputs = ProducerInputs.parse(sources);
      options = ProducerOptions.builder()
          .follow(follow)
          .once(once)
          .pollInterval(pollInterval)
          .scanInterval(scanInterval)
          .retry(retryInitial, retryMax)
          .rate(rate)
          .maxItemBytes(maxItemBytes)
          .stateFile(noState || dryRun ? null : stateFile)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintStream out = System.out;
    ProducerRun run = dryRun
        ? ProducerRun.dryRun().withDryRunOutput(record -> out.println(RecordJson.toJson(record)))
        : ProducerRun.sending(producerConfig(cluster.resolve(), topic));
    AtomicReference<RunningProducer> started = new AtomicReference<>();
    ProducerHttp http = httpPort == null ? null
        : ProducerHttp.start(httpHost, httpPort, () -> started.get() != null && !started.get().isDone());
    if (http != null) {
      run = run.withMeters(http.meters());
    }
    Shutdown shutdown = Shutdown.onSignal();
    try {
      RunningProducer running = run.withOptions(options).start(inputs);
      started.set(running);
      ProducerSummary summary;
      try (ProgressReporter progress = noProgress ? null
          : ProgressReporter.start(running::progress, System.err, ProgressReporter.onTerminal(), progressInterval)) {
        summary = awaitOrStop(running, shutdown);
      }
      // JSON lines on stdout stay machine-readable in a dry run: the summary goes beside them, on stderr.
      (dryRun ? System.err : out).println(summary.format());
      return exitCode(summary);
    } finally {
      shutdown.done();
      if (http != null) {
        http.close();
      }
    }
  }

  private static ProducerSummary awaitOrStop(RunningProducer running, Shutdown shutdown) throws InterruptedException {
    Optional<ProducerSummary> summary = running.await(Duration.ofMillis(200));
    while (summary.isEmpty()) {
      if (shutdown.requested()) {
        return running.stopAndAwait();
      }
      summary = running.await(Duration.ofMillis(200));
    }
    return summary.get();
  }

  static int exitCode(ProducerSummary summary) {
    if (summary.stopped()) {
      return ExitCodes.FAILED;
    }
    return summary.succeeded() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  static ProducerConfig producerConfig(Map<String, String> config, String topic) {
    Map<String, Object> extra = new HashMap<>();
    config.forEach((key, value) -> {
      if (!key.startsWith("newsflow.") && !key.equals(LayeredConfig.BOOTSTRAP_SERVERS)
          && !key.equals(LayeredConfig.SCHEMA_REGISTRY_URL)) {
        extra.put(key, value);
      }
    });
    return new ProducerConfig(config.get(LayeredConfig.BOOTSTRAP_SERVERS),
        config.get(LayeredConfig.SCHEMA_REGISTRY_URL), topic, extra);
  }
}
