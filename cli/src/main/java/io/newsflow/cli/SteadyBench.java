package io.newsflow.cli;

import io.newsflow.avro.RawArticle;
import io.newsflow.cli.bench.BrokerFootprint;
import io.newsflow.cli.bench.FeedArticles;
import io.newsflow.cli.bench.PacingSchedule;
import io.newsflow.cli.bench.ThreadCpu;
import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.producer.publish.ArticlePublisher;
import io.newsflow.streams.topics.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;

/**
 * The steady and paced halves of {@code newsflow bench --duration / --rate}, on a pipeline {@link PipelineBench}
 * started and warmed up. A feed thread sends {@link FeedArticles} continuously: in a steady run as fast as the
 * pipeline takes them (at most {@link #BACKLOG} ahead of what came out), in a paced run on a {@link
 * PacingSchedule}. Over the measured interval it takes the CPU time by component and the broker's records and
 * bytes by kind of topic; a paced run also notes each article's produce-to-articles and produce-to-trend latency.
 */
final class SteadyBench {

  /**
   * How many articles a steady feed keeps sent ahead of those out of the pipeline. By Little's law the feed can
   * go no faster than this many articles divided by the time one spends in the pipeline, three to four seconds
   * at a 1 s commit interval (four exactly-once commits on its way): 1000 capped a run at about 300 articles/s
   * with the cores a quarter idle; 10000 leaves room for 2500 articles/s.
   */
  static final int BACKLOG = 10_000;

  private static final Duration POLL = Duration.ofMillis(20);
  private static final long CPU_SAMPLE_MILLIS = 250;

  /**
   * What a steady or paced run measured over its interval.
   *
   * @param seconds the measured interval
   * @param out feed articles that came out of the pipeline (unique, duplicate or dead letter) in it
   * @param sent feed articles the producer sent in the whole run
   * @param duplicates feed articles that came out as duplicates (whole run)
   * @param deadLetters feed articles that came out as dead letters (whole run)
   * @param cpuNanos CPU nanoseconds in the interval by component, largest first
   * @param processCpuNanos CPU nanoseconds of the whole process in the interval
   * @param broker records and bytes the broker took in the interval, by kind of topic
   * @param internalTopics records and bytes each repartition and changelog topic took in the interval
   * @param articleLatencies produce-to-news.articles latency of each article (paced runs; else empty), ms
   * @param trendLatencies produce-to-news.trends latency of each article (paced runs; else empty), ms
   * @param maxLagMillis how far the sends fell behind the schedule at most (paced runs; else 0)
   */
  record Result(double seconds, long out, long sent, int duplicates, int deadLetters, Map<String, Long> cpuNanos,
      long processCpuNanos, Map<String, BrokerFootprint.Growth> broker,
      Map<String, BrokerFootprint.Growth> internalTopics, long[] articleLatencies,
      long[] trendLatencies, long maxLagMillis) {

    double articlesPerSecond() {
      return out / seconds;
    }

    /** The same figures with the paced run's latencies, read after the interval ended. */
    Result withLatencies(long[] articles, long[] trends) {
      return new Result(seconds, out, sent, duplicates, deadLetters, cpuNanos, processCpuNanos, broker, internalTopics,
          articles,
          trends, maxLagMillis);
    }
  }

  private SteadyBench() {
  }

  /**
   * Feeds as fast as the pipeline takes articles; the interval starts when the first fed article comes out
   * (the pipeline is busy from then on) and lasts {@code duration}. Then it stops feeding and waits until every
   * article sent came out, so that what runs next finds the pipeline idle.
   */
  static Result steady(PipelineBench.Running running, FeedArticles articles, Duration duration, Duration timeout) {
    PipelineBench.Tracker tracker = new PipelineBench.Tracker(ConcurrentHashMap.newKeySet());
    running.forward().to = tracker;
    try (Feed feed = new Feed(running.config(), articles, null, tracker.expected());
        Admin admin = Admin.create(KafkaClientSettings.admin(running.config()))) {
      feed.start();
      long deadline = System.currentTimeMillis() + PipelineBench.STARTUP.toMillis();
      while (tracker.seenCount() == 0) {
        pollOnce(running, feed, tracker, deadline, "the first fed article to come out");
      }
      Interval interval = Interval.start(admin, tracker);
      long end = interval.startMillis + duration.toMillis();
      while (System.currentTimeMillis() < end) {
        pollOnce(running, feed, tracker, Long.MAX_VALUE, "");
        interval.sample();
      }
      Result result = interval.finish(admin, running, tracker, feed);
      feed.close();
      long drained = System.currentTimeMillis() + timeout.toMillis();
      while (tracker.seenCount() < feed.sent()) {
        pollOnce(running, feed, tracker, drained, "the articles still in the pipeline after the steady run");
      }
      return result;
    }
  }

  /**
   * Feeds on {@code schedule}, then waits until every article came out and a trend snapshot followed each; the
   * interval runs from the first send to that.
   */
  static Result paced(PipelineBench.Running running, FeedArticles articles, PacingSchedule schedule,
      Duration timeout) {
    PipelineBench.Tracker tracker = new PipelineBench.Tracker(ConcurrentHashMap.newKeySet());
    running.forward().to = tracker;
    try (Feed feed = new Feed(running.config(), articles, schedule, tracker.expected());
        Admin admin = Admin.create(KafkaClientSettings.admin(running.config()))) {
      Interval interval = Interval.start(admin, tracker);
      feed.start();
      long deadline = interval.startMillis + schedule.duration().toMillis() + timeout.toMillis();
      // Done is asked only once the feed has sent everything: before, the pipeline keeps catching up with it.
      while (feed.running() || !tracker.done()) {
        pollOnce(running, feed, tracker, deadline, "every paced article to come out and a trend snapshot after it");
        interval.sample();
      }
      Result result = interval.finish(admin, running, tracker, feed);
      // Read after the interval ended: reading news.raw back is no part of the pipeline's cost.
      Map<String, Long> sendTimes = PipelineBench.sendTimes(running.config());
      return result.withLatencies(tracker.articleLatencies(sendTimes), tracker.latencies(sendTimes));
    }
  }

  private static void pollOnce(PipelineBench.Running running, Feed feed, PipelineBench.Tracker tracker,
      long deadline, String waitingFor) {
    feed.check();
    if (System.currentTimeMillis() > deadline) {
      throw new IllegalStateException("gave up waiting for " + waitingFor + ": " + feed.sent() + " sent, "
          + tracker.seenCount() + " out (" + running.watcher().counters() + ")");
    }
    running.watcher().poll(POLL);
    feed.out.set(tracker.seenCount());
  }

  /** The measured interval: CPU, broker and articles out from its start. */
  private static final class Interval {
    private final long startMillis = System.currentTimeMillis();
    private final ThreadCpu cpu;
    private final BrokerFootprint before;
    private final int outBefore;
    private long nextSample;

    private Interval(BrokerFootprint before, int outBefore) {
      this.before = before;
      this.outBefore = outBefore;
      this.cpu = ThreadCpu.start();
    }

    static Interval start(Admin admin, PipelineBench.Tracker tracker) {
      return new Interval(BrokerFootprint.read(admin), tracker.seenCount());
    }

    void sample() {
      if (System.currentTimeMillis() >= nextSample) {
        cpu.sample();
        nextSample = System.currentTimeMillis() + CPU_SAMPLE_MILLIS;
      }
    }

    Result finish(Admin admin, PipelineBench.Running running, PipelineBench.Tracker tracker, Feed feed) {
      long endMillis = System.currentTimeMillis();
      Map<String, Long> cpuNanos = cpu.byGroup(SteadyBench::component);
      long processCpu = cpu.processCpuNanos();
      int out = tracker.seenCount() - outBefore;
      BrokerFootprint after = BrokerFootprint.read(admin);
      String applicationId = running.config().get("application.id");
      Map<String, BrokerFootprint.Growth> broker = after.growthSince(before, applicationId, TopicNames.defaults());
      Map<String, BrokerFootprint.Growth> internalTopics =
          after.internalTopicsSince(before, applicationId, TopicNames.defaults());
      return new Result((endMillis - startMillis) / 1000.0, out, feed.sent(), tracker.duplicates(),
          tracker.deadLetters(), cpuNanos, processCpu, broker, internalTopics, new long[0], new long[0], feed.maxLagNanos / 1_000_000);
    }
  }

  /** Name prefixes of the in-process broker's (and its KRaft controller's) threads. */
  private static final List<String> BROKER_THREADS = List.of("data-plane-kafka-", "kafka-scheduler-",
      "group-coordinator-", "executor-", "share-", "transaction-log-manager-", "TxnMarkerSenderThread-", "raft-",
      "quorum-controller-", "controller-", "broker-", "kafka-log-cleaner-", "ExpirationReaper-",
      "client-metrics-reaper", "metrics-meter-tick-thread-");

  /**
   * The components of a steady run's CPU breakdown, by thread name. A stream thread runs tasks of every stage,
   * so the names do not tell the stages apart. The registry counts its server's threads and the HTTP threads of
   * its clients (the serdes'). The JVM's own threads (GC, JIT) and RocksDB's come from {@link ThreadCpu}.
   */
  static String component(String threadName) {
    if (threadName == null) {
      return "other Java threads";
    }
    if (threadName.contains("StreamThread") || threadName.contains("StateUpdater")) {
      return "stream threads (every stage)";
    }
    if (threadName.startsWith("schema-registry") || threadName.contains("newsflow-schema-registry")
        || threadName.startsWith("HttpClient-")) {
      return "registry";
    }
    if (threadName.equals(Feed.THREAD) || threadName.contains("newsflow-producer")) {
      return "producer";
    }
    if (threadName.equals(Thread.currentThread().getName())) {
      return "watcher";
    }
    if (BROKER_THREADS.stream().anyMatch(threadName::startsWith) || threadName.matches("kafka-\\d+-.*")) {
      return "broker";
    }
    return "other Java threads";
  }

  /**
   * The feed thread: sends until stopped (steady), until the schedule is done (paced) or until its limit (the
   * soak's articles, at most {@link #BACKLOG} ahead of {@link #out} like a steady feed).
   */
  static final class Feed implements AutoCloseable {
    static final String THREAD = "bench-producer";

    final AtomicLong out = new AtomicLong();
    private final ArticlePublisher publisher;
    private final Function<Instant, RawArticle> articles;
    private final PacingSchedule schedule;
    private final Consumer<String> onSend;
    private final long limit;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stop;
    private volatile long maxLagNanos;
    private boolean closed;

    Feed(Map<String, String> config, FeedArticles articles, PacingSchedule schedule, Set<String> ids) {
      this(config, articles::next, schedule, ids::add, Long.MAX_VALUE);
    }

    /**
     * A feed of the records {@code articles} makes (given the send time), telling {@code onSend} each id before
     * its send, until {@code limit} were sent; with a null {@code schedule} as fast as the pipeline takes them.
     */
    Feed(Map<String, String> config, Function<Instant, RawArticle> articles, PacingSchedule schedule,
        Consumer<String> onSend, long limit) {
      this.publisher = new ArticlePublisher(ProduceCommand.producerConfig(config, TopicNames.RAW));
      this.articles = articles;
      this.schedule = schedule;
      this.onSend = onSend;
      this.limit = limit;
      this.thread = new Thread(this::feed, THREAD);
    }

    void start() {
      thread.start();
    }

    boolean running() {
      return thread.isAlive();
    }

    long sent() {
      return sent.get();
    }

    /** @throws IllegalStateException when a send failed: the run would measure fewer articles than it says */
    void check() {
      if (failure.get() != null) {
        throw new IllegalStateException("the bench's producer failed: " + failure.get());
      }
    }

    private void feed() {
      long start = System.nanoTime();
      try {
        for (long i = 0; !stop && i < limit && (schedule == null || i < schedule.count()); i++) {
          if (schedule == null) {
            awaitRoom();
          } else {
            awaitDue(start + schedule.dueNanos(i));
          }
          if (stop) {
            break;
          }
          RawArticle article = articles.apply(Instant.now());
          onSend.accept(article.getId());
          publisher.send(article, result -> {
            if (!result.acked()) {
              failure.compareAndSet(null, result.failure().format());
            }
          });
          sent.incrementAndGet();
        }
        publisher.flush();
      } catch (RuntimeException e) {
        failure.compareAndSet(null, String.valueOf(e.getMessage()));
      }
    }

    private void awaitRoom() {
      while (!stop && sent.get() - out.get() >= BACKLOG) {
        LockSupport.parkNanos(1_000_000);
      }
    }

    private void awaitDue(long dueNanos) {
      long wait = dueNanos - System.nanoTime();
      if (wait < 0) {
        maxLagNanos = Math.max(maxLagNanos, -wait);
      }
      while (!stop && wait > 0) {
        LockSupport.parkNanos(wait);
        wait = dueNanos - System.nanoTime();
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      stop = true;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        publisher.close();
      }
    }
  }
}
