package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.publish.ArticlePublisher;
import io.newsflow.producer.publish.DryRunSink;
import io.newsflow.producer.publish.RecordSink;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.producer.state.ProducerState;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One producer run: reads the inputs (files, directories, feeds, stdin), sends every new article to the
 * raw topic, remembers what the cluster acknowledged, and returns the summary. A dry run reads and prints
 * (or returns) the records without connecting anywhere.
 *
 * <p>{@link #run(List)} reads files once and returns, as the demo and tests use it. {@link #start} runs
 * any inputs with {@link ProducerOptions} (follow, feed polling, rate cap, state file) until it is done or
 * stopped.
 */
public final class ProducerRun {

  private final Supplier<RecordSink> sinks;
  private final String target;
  private final Clock clock;
  private final String host;
  private final ProducerOptions options;
  private final Consumer<RawArticle> dryRunOutput;
  private final InputStream stdin;
  private final ProducerMeters meters;

  private ProducerRun(Supplier<RecordSink> sinks, String target, Clock clock, String host, ProducerOptions options,
      Consumer<RawArticle> dryRunOutput, InputStream stdin, ProducerMeters meters) {
    this.sinks = sinks;
    this.target = target;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.host = Objects.requireNonNull(host, "host");
    this.options = Objects.requireNonNull(options, "options");
    this.dryRunOutput = dryRunOutput;
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /** A run that sends to the cluster {@code config} names. */
  public static ProducerRun sending(ProducerConfig config) {
    Objects.requireNonNull(config, "config");
    return new ProducerRun(() -> new ArticlePublisher(config), config.bootstrapServers() + " " + config.topic(),
        Clock.systemUTC(), ArticleSource.localHostName(),
        ProducerOptions.defaults(), null, System.in, ProducerMeters.unread());
  }

  /**
   * A run that reads and parses only; without {@link #withDryRunOutput} {@link ProducerSummary#records()}
   * holds what it would send. It neither reads nor writes a state file.
   */
  public static ProducerRun dryRun() {
    return new ProducerRun(null, null, Clock.systemUTC(), ArticleSource.localHostName(), ProducerOptions.defaults(), null,
        System.in, ProducerMeters.unread());
  }

  /** A run that sends to {@code sinks}' sink, recording state for {@code target}: for tests of what is sent when. */
  static ProducerRun toSink(Supplier<RecordSink> sinks, String target) {
    return new ProducerRun(sinks, target, Clock.systemUTC(), ArticleSource.localHostName(), ProducerOptions.defaults(),
        null, System.in, ProducerMeters.unread());
  }

  /** The same run with another clock (for fetchedAt) and host name (for producer.host). */
  public ProducerRun withClockAndHost(Clock newClock, String newHost) {
    return new ProducerRun(sinks, target, newClock, newHost, options, dryRunOutput, stdin, meters);
  }

  /** The same run with other options (follow, polling, rate, item cap, state file). */
  public ProducerRun withOptions(ProducerOptions newOptions) {
    return new ProducerRun(sinks, target, clock, host, newOptions, dryRunOutput, stdin, meters);
  }

  /** A dry run that hands each record to {@code output} as it is read instead of keeping it. */
  public ProducerRun withDryRunOutput(Consumer<RawArticle> output) {
    return new ProducerRun(sinks, target, clock, host, options, Objects.requireNonNull(output, "output"), stdin,
        meters);
  }

  /** The same run reading {@code -} (stdin) from {@code in}. */
  public ProducerRun withStdin(InputStream in) {
    return new ProducerRun(sinks, target, clock, host, options, dryRunOutput, in, meters);
  }

  /** The same run counting into {@code newMeters} (served on /metrics by {@code produce --http-port}). */
  public ProducerRun withMeters(ProducerMeters newMeters) {
    return new ProducerRun(sinks, target, clock, host, options, dryRunOutput, stdin, newMeters);
  }

  public boolean isDryRun() {
    return sinks == null;
  }

  public ProducerOptions options() {
    return options;
  }

  /**
   * Reads {@code inputs} (files and directories) and sends what they hold; see {@link ArticleSource}.
   * Returns once every record sent is acknowledged or failed and the producer is closed.
   *
   * @throws org.apache.kafka.common.KafkaException when the producer cannot be created from the config
   */
  public ProducerSummary run(List<Path> inputs) {
    return run(ProducerInputs.files(inputs));
  }

  /**
   * Runs until done: a run that follows or polls feeds (without {@code once}) never is, so use
   * {@link #start} for those. If the calling thread is interrupted, the run is stopped and its summary
   * returned, with the thread's interrupt flag set again.
   */
  public ProducerSummary run(ProducerInputs inputs) {
    RunningProducer running = start(inputs);
    try {
      return running.await();
    } catch (InterruptedException e) {
      ProducerSummary summary = running.stopAndAwait();
      Thread.currentThread().interrupt();
      return summary;
    }
  }

  /**
   * Starts a run and returns at once.
   *
   * @throws org.apache.kafka.common.KafkaException when the producer cannot be created from the config
   * @throws IllegalStateException when the state file exists but cannot be read
   */
  public RunningProducer start(ProducerInputs inputs) {
    Objects.requireNonNull(inputs, "inputs");
    ProducerState state = isDryRun() || options.stateFile() == null
        ? ProducerState.inMemory() : ProducerState.load(options.stateFile(), target);
    List<RawArticle> collected = null;
    RecordSink sink;
    if (isDryRun()) {
      if (dryRunOutput == null) {
        collected = Collections.synchronizedList(new ArrayList<>());
        sink = new DryRunSink(collected::add);
      } else {
        sink = new DryRunSink(dryRunOutput);
      }
    } else {
      sink = sinks.get();
    }
    LiveRun run = new LiveRun(sink, state, options, inputs, clock, host, stdin, isDryRun(), collected, meters);
    run.start();
    return new RunningProducer(run);
  }
}
