package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.publish.PublishException;
import io.newsflow.producer.publish.RecordSink;
import io.newsflow.producer.source.FeedDocuments;
import io.newsflow.producer.source.FileArticles;
import io.newsflow.producer.source.StdinArticles;
import io.newsflow.producer.state.ProducerState;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery of one run: every source on its own schedule (file scans, one poller per feed, a thread
 * for stdin), one sink, one state, one rate cap, and the stop. A run without feeds or {@code follow} stops
 * by itself when every source has been read once; otherwise it runs until {@link #stop()}.
 */
final class LiveRun {

  private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final RecordSink sink;
  private final ProducerState state;
  private final ProducerOptions options;
  private final ProducerInputs inputs;
  private final Clock clock;
  private final String host;
  private final InputStream stdin;
  private final boolean dryRun;
  private final List<RawArticle> collected;
  private final RunStats stats = new RunStats();
  private final ProducerMeters meters;
  private final RateLimiter rate;
  private final boolean continuous;
  private final ScheduledThreadPoolExecutor scheduler;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicInteger finiteTasks = new AtomicInteger();
  private volatile boolean stopping;
  private volatile Failure stoppedBy;
  private volatile ProducerSummary summary;
  private Thread stdinThread;

  LiveRun(RecordSink sink, ProducerState state, ProducerOptions options, ProducerInputs inputs, Clock clock,
      String host, InputStream stdin, boolean dryRun, List<RawArticle> collected, ProducerMeters meters) {
    this.sink = sink;
    this.state = state;
    this.options = options;
    this.inputs = inputs;
    this.clock = clock;
    this.host = host;
    this.stdin = stdin;
    this.dryRun = dryRun;
    this.collected = collected;
    this.meters = meters;
    this.rate = RateLimiter.perSecond(options.rate());
    this.continuous = !options.once() && (options.follow() || !inputs.feeds().isEmpty());
    this.scheduler = new ScheduledThreadPoolExecutor(inputs.feeds().size() + 2, daemonThreads());
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  void start() {
    boolean follow = continuous && options.follow();
    boolean filesOnce = !inputs.paths().isEmpty() && !follow;
    int finite = (inputs.stdin() ? 1 : 0) + (filesOnce ? 1 : 0) + (options.once() ? inputs.feeds().size() : 0);
    finiteTasks.set(finite);
    LOG.info("event=producer_started paths={} feeds={} stdin={} follow={} continuous={} dry_run={} state=\"{}\"",
        inputs.paths().size(), inputs.feeds().size(), inputs.stdin(), follow, continuous, dryRun,
        state.file() == null ? "memory" : state.file());
    if (!inputs.paths().isEmpty()) {
      FileFollower files = new FileFollower(this, inputs.paths(), follow, new FileArticles(clock, host));
      if (follow) {
        scheduler.scheduleWithFixedDelay(guarded(files::scan), 0, options.scanInterval().toMillis(),
            TimeUnit.MILLISECONDS);
      } else {
        scheduler.execute(finite(files::scan));
      }
    }
    if (!inputs.feeds().isEmpty()) {
      HttpClient client = HttpClient.newBuilder()
          .connectTimeout(options.httpTimeout())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
      FeedDocuments documents = new FeedDocuments(clock, host);
      for (URI feed : inputs.feeds()) {
        FeedPoller poller = new FeedPoller(this, feed, client, documents);
        scheduler.execute(options.once() ? finite(poller::pollAndReschedule) : guarded(poller::pollAndReschedule));
      }
    }
    if (inputs.stdin()) {
      StdinReader reader = new StdinReader(this, stdin, new StdinArticles(clock, host));
      stdinThread = new Thread(finite(reader::read), "newsflow-stdin");
      // A read of stdin cannot be interrupted: at stop, the JVM must not wait for it.
      stdinThread.setDaemon(true);
      stdinThread.start();
    }
    if (!continuous && finite == 0) {
      stopSignal.countDown();
    }
    Thread coordinator = new Thread(this::finishWhenStopped, "newsflow-producer");
    coordinator.start();
  }

  /** Asks the run to stop: sources finish the item at hand, commit, and the run closes. Returns at once. */
  void stop() {
    stopping = true;
    stopSignal.countDown();
  }

  /** The summary once the run has closed; null before. */
  ProducerSummary awaitSummary(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit) ? summary : null;
  }

  ProducerProgress progress() {
    return stats.progress();
  }

  boolean stopping() {
    return stopping;
  }

  RunStats stats() {
    return stats;
  }

  ProducerMeters meters() {
    return meters;
  }

  ProducerState state() {
    return state;
  }

  ProducerOptions options() {
    return options;
  }

  RecordSink sink() {
    return sink;
  }

  RateLimiter rate() {
    return rate;
  }

  /** Counts and logs a file, item or poll that could not be read. */
  void readFailure(Failure failure) {
    LOG.warn("event=read_failed origin=\"{}\" reason=\"{}\"", failure.origin(), failure.reason());
    stats.fail(failure);
  }

  /** Runs {@code task} after {@code delay} on the run's scheduler, unless the run is stopping. */
  void schedule(Runnable task, Duration delay) {
    if (stopping) {
      return;
    }
    try {
      scheduler.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Stopped in between: nothing more to poll.
    }
  }

  /** A source that reads once (stdin, files without follow, a feed with once) is done. */
  void taskDone() {
    if (finiteTasks.decrementAndGet() == 0 && !continuous) {
      stopSignal.countDown();
    }
  }

  private Runnable finite(Runnable task) {
    Runnable guarded = guarded(task);
    return () -> {
      try {
        guarded.run();
      } finally {
        taskDone();
      }
    };
  }

  /** No source's failure stops the others; only a sink or state that cannot go on stops the run. */
  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (PublishException e) {
        fatal(new Failure(sink.name(), "run stopped, remaining inputs not read: " + e.getMessage()));
      } catch (UncheckedIOException e) {
        fatal(new Failure("state", "run stopped: " + e.getMessage()));
      } catch (RuntimeException e) {
        if (!stopping) {
          LOG.error("event=source_failed reason=\"{}\"", e.toString(), e);
          stats.fail(new Failure("producer", "unexpected: " + e));
        }
      }
    };
  }

  private void fatal(Failure failure) {
    synchronized (this) {
      if (stoppedBy != null) {
        return;
      }
      stoppedBy = failure;
    }
    stats.fail(failure);
    LOG.error("event=producer_stopped origin=\"{}\" reason=\"{}\"", failure.origin(), failure.reason());
    stop();
  }

  private void finishWhenStopped() {
    try {
      stopSignal.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopping = true;
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
        scheduler.shutdownNow();
        scheduler.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (stdinThread != null) {
        stdinThread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.warn("event=sink_close_failed reason=\"{}\"", e.toString());
    }
    try {
      state.save();
    } catch (UncheckedIOException e) {
      stats.fail(new Failure("state", e.getMessage()));
    }
    ProducerProgress progress = stats.progress();
    summary = new ProducerSummary(progress.filesRead(), progress.recordsRead(), dryRun ? 0 : progress.recordsSent(),
        stats.failures(), dryRun, collected == null ? List.of() : List.copyOf(collected), progress.recordsSkipped(),
        stats.unchangedFiles.get(), progress.feedPolls(), progress.failures(), stoppedBy != null);
    LOG.info("event=producer_done dry_run={} files={} records_read={} records_sent={} skipped={} feed_polls={}"
            + " failures={}", dryRun, summary.filesRead(), summary.recordsRead(), summary.recordsSent(),
        summary.recordsSkipped(), summary.feedPolls(), summary.failureCount());
    finished.countDown();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "newsflow-source-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
