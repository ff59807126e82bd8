package io.newsflow.cli;

import io.newsflow.avro.TrendSnapshot;
import io.newsflow.cli.bench.BenchCorpus;
import io.newsflow.cli.bench.TaskByTopic;
import io.newsflow.cli.bench.TaskSnapshot;
import io.newsflow.cli.bench.ThreadCpu;
import io.newsflow.cli.bench.TrendCeiling;
import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.localstack.LocalStack;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.streams.NewsflowTopology;
import io.newsflow.streams.StreamsApp;
import io.newsflow.streams.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline half of {@code newsflow bench}: a fresh local stack in this process, the streams app with N
 * stream threads, the producer sending the corpus, and a {@link DemoWatcher} that accounts for every article
 * on news.articles, news.duplicates or news.dlq and notes when news.trends follows. The clock runs from the
 * producer's start until the first trend snapshot received after the last article came out.
 */
final class PipelineBench {

  /** How often the watcher polls; it bounds the precision of the receive times. */
  private static final Duration POLL = Duration.ofMillis(20);
  static final Duration STARTUP = Duration.ofMinutes(2);
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  /**
   * What the run measured; times are milliseconds after the producer started.
   *
   * @param sent records the producer sent
   * @param unique articles counted: on news.articles and not found to be duplicates later
   * @param duplicates articles with a notice on news.duplicates
   * @param deadLetters articles on news.dlq
   * @param millis from the producer's start to the trend snapshot after the last article
   * @param latencies produce-to-trend latency of each unique article, milliseconds
   * @param lastSendMillis the last record's send time (its news.raw CreateTime)
   * @param lastArticleMillis when the last article was received from the output topics
   * @param cpuNanos CPU nanoseconds by thread group during the run
   * @param processCpuNanos CPU nanoseconds of the whole process during the run
   * @param trend the trend stage's task during the run, from its metrics; empty when they were not there
   */
  record Result(long sent, int unique, int duplicates, int deadLetters, long millis, long[] latencies,
      long lastSendMillis, long lastArticleMillis, Map<String, Long> cpuNanos, long processCpuNanos,
      Optional<TrendCeiling> trend) {

    double seconds() {
      return millis / 1000.0;
    }
  }

  private PipelineBench() {
  }

  /** The pipeline a measurement runs on, warmed up: the stack, the app's settings, the app and the watcher. */
  record Running(LocalStack local, Map<String, String> config, StreamsApp app, DemoWatcher watcher,
      Forward forward) {
  }

  /**
   * Runs {@code warmUp} (when not null) through the pipeline untimed, so that the JIT has compiled the broker's,
   * the streams app's and the stores' code, then {@code corpus} timed.
   */
  static Result run(BenchCorpus corpus, BenchCorpus warmUp, int threads, int partitions,
      Map<String, String> settings, Duration timeout, Path stateDir) {
    return withPipeline(warmUp, threads, partitions, settings, timeout, stateDir,
        running -> measureBurst(corpus, running, timeout));
  }

  /**
   * Starts a fresh local stack and the streams app, runs {@code warmUp} (when not null) through them untimed,
   * then hands them to {@code measure}; stops them all after it.
   */
  static <T> T withPipeline(BenchCorpus warmUp, int threads, int partitions, Map<String, String> settings,
      Duration timeout, Path stateDir, Function<Running, T> measure) {
    return withApp(threads, partitions, settings, stateDir, (local, config, app) -> {
      Forward forward = new Forward();
      try (DemoWatcher watcher = new DemoWatcher(config, TopicNames.defaults(), forward, false)) {
        watcher.awaitAssignment(STARTUP);
        if (warmUp != null) {
          runPhase(warmUp, config, watcher, forward, timeout, null);
        }
        return measure.apply(new Running(local, config, app, watcher, forward));
      }
    });
  }

  /** What runs on a fresh stack and streams app: the stack, the app's settings (client settings too), the app. */
  interface OnApp<T> {
    T apply(LocalStack local, Map<String, String> config, StreamsApp app);
  }

  /**
   * Starts a fresh local stack ({@code partitions} of news.raw) and the streams app on it, waits until the app
   * runs, then hands them to {@code run}; stops both after it.
   */
  static <T> T withApp(int threads, int partitions, Map<String, String> settings, Path stateDir, OnApp<T> run) {
    try (LocalStack local = LocalStack.start(LocalStack.Config.forTests())) {
      local.createTopics(Map.of(TopicNames.RAW, partitions));
      Map<String, String> config = streamsConfig(local, threads, settings, stateDir);
      try (StreamsApp app = StreamsApp.start(config)) {
        awaitRunning(app.streams());
        return run.apply(local, config, app);
      }
    }
  }

  private static Result measureBurst(BenchCorpus corpus, Running running, Duration timeout) {
    KafkaStreams streams = running.app().streams();
    Map<String, String> config = running.config();
    Optional<String> trendTask = TaskByTopic.find(streams.metadataForLocalThreads(), trendTopic(config));
    TaskSnapshot trendBefore = trendSnapshot(streams, trendTask);
    ThreadCpu cpu = ThreadCpu.start();
    Phase phase = runPhase(corpus, config, running.watcher(), running.forward(), timeout, cpu);
    Map<String, Long> cpuByGroup = cpu.byGroup(PipelineBench::group);
    long processCpu = cpu.processCpuNanos();
    TaskSnapshot trendAfter = trendSnapshot(streams, trendTask);
    Tracker tracker = phase.tracker();
    double seconds = (tracker.endMillis() - phase.start()) / 1000.0;
    Optional<TrendCeiling> trend =
        trendTask.flatMap(id -> TrendCeiling.between(id, trendBefore, trendAfter, seconds));
    Map<String, Long> sendTimes = sendTimes(config);
    long[] latencies = tracker.latencies(sendTimes);
    long lastSend = corpus.ids().stream().filter(sendTimes::containsKey).mapToLong(sendTimes::get).max()
        .orElse(phase.start());
    return new Result(phase.sent(), tracker.unique(), tracker.duplicates(), tracker.deadLetters(),
        tracker.endMillis() - phase.start(), latencies, lastSend - phase.start(),
        tracker.lastArticleMillis() - phase.start(), cpuByGroup, processCpu, trend);
  }

  /** The trend stage's input, which one task reads: every counted article passes through it. */
  static String trendTopic(Map<String, String> config) {
    return config.get("application.id") + "-" + NewsflowTopology.TRENDS_REPARTITION + "-repartition";
  }

  private static TaskSnapshot trendSnapshot(KafkaStreams streams, Optional<String> task) {
    return task.map(id -> TaskSnapshot.of(streams.metrics(), id)).orElse(TaskSnapshot.NONE);
  }

  private record Phase(long start, long sent, Tracker tracker) {
  }

  /** Sends {@code corpus} and waits until every article came out and trend snapshots followed. */
  private static Phase runPhase(BenchCorpus corpus, Map<String, String> config, DemoWatcher watcher, Forward forward,
      Duration timeout, ThreadCpu cpu) {
    Set<String> expected = corpus.ids();
    Tracker tracker = new Tracker(expected);
    forward.to = tracker;
    long start = System.currentTimeMillis();
    AtomicReference<ProducerSummary> sent = new AtomicReference<>();
    AtomicReference<RuntimeException> producerFailure = new AtomicReference<>();
    Thread producer = new Thread(() -> {
      try {
        sent.set(ProducerRun.sending(ProduceCommand.producerConfig(config, TopicNames.RAW))
            .run(List.of(corpus.jsonLines())));
      } catch (RuntimeException e) {
        producerFailure.set(e);
      }
    }, "bench-producer");
    producer.start();
    long deadline = start + timeout.toMillis();
    long nextSample = start;
    while (!tracker.done()) {
      if (producerFailure.get() != null) {
        throw new IllegalStateException("the producer failed: " + producerFailure.get().getMessage(),
            producerFailure.get());
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("gave up after " + timeout + ": " + watcher.missing(expected).size()
            + " articles not yet out of the pipeline (" + watcher.counters() + "), "
            + tracker.pendingCount() + " not yet followed by a trend snapshot");
      }
      watcher.poll(POLL);
      if (cpu != null && System.currentTimeMillis() >= nextSample) {
        cpu.sample();
        nextSample = System.currentTimeMillis() + 250;
      }
    }
    join(producer);
    return new Phase(start, sent.get() == null ? 0 : sent.get().recordsSent(), tracker);
  }

  /** Hands what the watcher receives to the tracker of the phase running. */
  static final class Forward implements DemoWatcher.Listener {
    volatile Tracker to;

    @Override
    public void article(String id, long receivedAtMillis) {
      to.article(id, receivedAtMillis);
    }

    @Override
    public void duplicate(String id, long receivedAtMillis) {
      to.duplicate(id, receivedAtMillis);
    }

    @Override
    public void deadLetter(String key, long receivedAtMillis) {
      to.deadLetter(key, receivedAtMillis);
    }

    @Override
    public void trends(TrendSnapshot snapshot, long receivedAtMillis) {
      to.trends(snapshot, receivedAtMillis);
    }
  }

  /** The streams app's settings: the bench's, then the caller's over them. */
  static Map<String, String> streamsConfig(LocalStack local, int threads, Map<String, String> settings,
      Path stateDir) {
    Map<String, String> config = new TreeMap<>(defaults(threads));
    config.put("bootstrap.servers", local.bootstrapServers());
    config.put("schema.registry.url", local.schemaRegistryUrl());
    config.put("state.dir", stateDir.toString());
    config.putAll(settings);
    return config;
  }

  /**
   * What {@code --trend-ceiling} adds: the task metrics (recorded at DEBUG only), with sample windows longer than
   * any bench run, so that an average times its count is the summed time since the task started and two snapshots
   * can be subtracted; with the default (two windows of 30 s) the averages would cover only the last minute or so.
   */
  static Map<String, String> trendCeilingSettings() {
    return Map.of("metrics.recording.level", "DEBUG", "metrics.sample.window.ms", Long.toString(DAY_MILLIS));
  }

  /** The settings the bench runs the streams app with, unless overridden with --set. */
  static Map<String, String> defaults(int threads) {
    Map<String, String> config = new TreeMap<>();
    config.put("application.id", "newsflow-bench");
    config.put("num.stream.threads", Integer.toString(threads));
    // The corpus's event times span up to an hour or two before now: no window may close during the run.
    config.put("newsflow.trends.grace", "P1D");
    // The bench's app serves its API on a free port: a dashboard already on 8080 must not stop a measurement.
    config.put("newsflow.http.port", "0");
    return config;
  }

  /** The thread groups of the CPU breakdown. */
  static String group(String threadName) {
    if (threadName == null) {
      return "other";
    }
    if (threadName.contains("StreamThread")) {
      return "stream threads";
    }
    if (threadName.equals("bench-producer") || threadName.contains("newsflow-producer")) {
      return "producer";
    }
    if (threadName.equals(Thread.currentThread().getName())) {
      return "watcher";
    }
    return "broker, registry, other";
  }

  private static void awaitRunning(KafkaStreams streams) {
    long deadline = System.currentTimeMillis() + STARTUP.toMillis();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.currentTimeMillis() > deadline || !streams.state().isRunningOrRebalancing()) {
        throw new IllegalStateException("the streams app did not reach RUNNING: " + streams.state());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the streams app started", e);
      }
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the producer finished", e);
    }
  }

  /** The send time of each record on news.raw: its CreateTime, which the producer client sets in send(). */
  static Map<String, Long> sendTimes(Map<String, String> config) {
    Map<String, Object> props = KafkaClientSettings.consumer(config);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, Long> times = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(TopicNames.RAW).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.currentTimeMillis() + STARTUP.toMillis();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          times.putIfAbsent(record.key(), record.timestamp());
        }
      }
    }
    return times;
  }

  /**
   * Notes when each article comes out and when the next trend snapshot follows it: an article's trend time is
   * the receive time of the first news.trends record received after it (in a later poll, or later in the same
   * poll).
   */
  static final class Tracker implements DemoWatcher.Listener {

    private final Set<String> expected;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Long> trendTimes = new HashMap<>();
    private final Map<String, Long> articleTimes = new HashMap<>();
    private final List<String> pending = new ArrayList<>();
    private final Set<String> uniqueIds = new HashSet<>();
    private final Set<String> duplicateIds = new HashSet<>();
    private final Set<String> deadLetterIds = new HashSet<>();
    private int expectedSeen;
    private long lastArticle;
    private long lastTrend;
    private long end = -1;

    Tracker(Set<String> expected) {
      this.expected = expected;
    }

    /** The ids this tracker expects; a continuous feed adds to them (a concurrent set) before each send. */
    Set<String> expected() {
      return expected;
    }

    @Override
    public void article(String id, long receivedAtMillis) {
      if (!expected.contains(id)) {
        return;
      }
      see(id, receivedAtMillis);
      uniqueIds.add(id);
      articleTimes.putIfAbsent(id, receivedAtMillis);
      if (!trendTimes.containsKey(id)) {
        pending.add(id);
      }
    }

    @Override
    public void duplicate(String id, long receivedAtMillis) {
      if (expected.contains(id)) {
        see(id, receivedAtMillis);
        duplicateIds.add(id);
      }
    }

    @Override
    public void deadLetter(String key, long receivedAtMillis) {
      if (key != null && expected.contains(key)) {
        see(key, receivedAtMillis);
        deadLetterIds.add(key);
      }
    }

    @Override
    public void trends(TrendSnapshot snapshot, long receivedAtMillis) {
      for (String id : pending) {
        trendTimes.putIfAbsent(id, receivedAtMillis);
      }
      pending.clear();
      lastTrend = receivedAtMillis;
    }

    private void see(String id, long receivedAtMillis) {
      if (seen.add(id)) {
        expectedSeen++;
        lastArticle = receivedAtMillis;
      }
    }

    /**
     * Every expected article came out, and every unique one was followed by a trend snapshot; the end is the
     * later of the last article's and the last snapshot's receipt.
     */
    boolean done() {
      if (end < 0 && expectedSeen == expected.size() && pending.isEmpty()) {
        end = Math.max(lastTrend, lastArticle);
      }
      return end >= 0;
    }

    /**
     * Expected articles that came out on news.articles and stayed counted: an article dedup first published
     * and later found to repeat an earlier one (the earlier arrived late) counts as a duplicate only.
     */
    int unique() {
      return (int) uniqueIds.stream().filter(id -> !duplicateIds.contains(id) && !deadLetterIds.contains(id))
          .count();
    }

    /** Expected articles that came out as duplicates. */
    int duplicates() {
      return duplicateIds.size();
    }

    /** Expected articles that came out as dead letters and not as duplicates. */
    int deadLetters() {
      return (int) deadLetterIds.stream().filter(id -> !duplicateIds.contains(id)).count();
    }

    int pendingCount() {
      return pending.size();
    }

    long endMillis() {
      return end;
    }

    long lastArticleMillis() {
      return lastArticle;
    }

    /** Expected articles received so far, on any output topic. */
    int seenCount() {
      return expectedSeen;
    }

    /** Produce-to-trend latency of each article with a send time: its trend time minus its send time. */
    long[] latencies(Map<String, Long> sendTimes) {
      return since(trendTimes, sendTimes);
    }

    /** Produce-to-news.articles latency of each article with a send time: its first receipt there minus it. */
    long[] articleLatencies(Map<String, Long> sendTimes) {
      return since(articleTimes, sendTimes);
    }

    private static long[] since(Map<String, Long> times, Map<String, Long> sendTimes) {
      return times.entrySet().stream()
          .filter(e -> sendTimes.containsKey(e.getKey()))
          .mapToLong(e -> e.getValue() - sendTimes.get(e.getKey()))
          .toArray();
    }
  }
}
