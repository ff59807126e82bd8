package io.newsflow.cli;

import io.newsflow.producer.ProducerProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows a running producer's progress on stderr: on a terminal, one line rewritten in place twice a second;
 * elsewhere (a log file, a pipe, CI) a plain key=value line every interval, which log collectors can parse.
 */
final class ProgressReporter implements AutoCloseable {

  private static final Duration TERMINAL_TICK = Duration.ofMillis(500);
  /** The rate is measured over this much recent time, so it follows bursts without jumping at every tick. */
  private static final Duration RATE_WINDOW = Duration.ofSeconds(5);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Supplier<ProducerProgress> progress;
  private final PrintStream out;
  private final boolean terminal;
  private final ScheduledExecutorService ticker;
  private final Deque<long[]> samples = new ArrayDeque<>();
  private int lastWidth;

  private ProgressReporter(Supplier<ProducerProgress> progress, PrintStream out, boolean terminal) {
    this.progress = progress;
    this.out = out;
    this.terminal = terminal;
    this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "newsflow-progress");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts reporting; {@code logInterval} is the time between two plain lines when not on a terminal. */
  static ProgressReporter start(Supplier<ProducerProgress> progress, PrintStream out, boolean terminal,
      Duration logInterval) {
    ProgressReporter reporter = new ProgressReporter(progress, out, terminal);
    long period = (terminal ? TERMINAL_TICK : logInterval).toMillis();
    reporter.ticker.scheduleAtFixedRate(reporter::tick, terminal ? 0 : period, period, TimeUnit.MILLISECONDS);
    return reporter;
  }

  /** True when a person watches: the JVM has a console (stdin and stdout are terminals). */
  static boolean onTerminal() {
    return System.console() != null;
  }

  /** Stops reporting; on a terminal, leaves the last line in place and moves to the next. */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal) {
      synchronized (this) {
        out.print("\r" + line(progress.get()) + "\n");
        out.flush();
      }
    }
  }

  private synchronized void tick() {
    ProducerProgress now = progress.get();
    if (terminal) {
      String line = line(now);
      // Spaces rub out what a longer previous line left; the final \r lets a log line start at column 0.
      String pad = " ".repeat(Math.max(0, lastWidth - line.length()));
      lastWidth = line.length();
      out.print("\r" + line + pad + "\r");
    } else {
      out.println(CLOCK.format(LocalTime.now()) + " progress " + keyValues(now));
    }
    out.flush();
  }

  /** The terminal line, e.g. {@code read 120 | sent 118 | skipped 40 | failed 2 | 12.5/s | 0:01:05}. */
  String line(ProducerProgress now) {
    StringBuilder line = new StringBuilder()
        .append("read ").append(now.recordsRead())
        .append(" | sent ").append(now.recordsSent())
        .append(" | skipped ").append(now.recordsSkipped())
        .append(" | failed ").append(now.failures())
        .append(" | ").append(String.format(Locale.ROOT, "%.1f/s", rate(now)));
    if (now.feedPolls() > 0) {
      line.append(" | polls ").append(now.feedPolls()).append(" (").append(now.feedsNotModified())
          .append(" not modified)");
    }
    return line.append(" | ").append(elapsed(now.elapsed())).toString();
  }

  /** The plain log line's fields. */
  String keyValues(ProducerProgress now) {
    return String.format(Locale.ROOT,
        "files=%d read=%d sent=%d skipped=%d failed=%d feed_polls=%d not_modified=%d rate=%.1f/s elapsed=%s",
        now.filesRead(), now.recordsRead(), now.recordsSent(), now.recordsSkipped(), now.failures(),
        now.feedPolls(), now.feedsNotModified(), rate(now), elapsed(now.elapsed()));
  }

  /** Records sent per second over the last few seconds. */
  private double rate(ProducerProgress now) {
    long nanos = now.elapsed().toNanos();
    samples.addLast(new long[] {nanos, now.recordsSent()});
    while (samples.size() > 2 && nanos - samples.peekFirst()[0] > RATE_WINDOW.toNanos()) {
      samples.removeFirst();
    }
    long[] first = samples.peekFirst();
    long span = nanos - first[0];
    if (span <= 0) {
      return nanos <= 0 ? 0 : now.recordsSent() / (nanos / 1e9);
    }
    return (now.recordsSent() - first[1]) / (span / 1e9);
  }

  private static String elapsed(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
