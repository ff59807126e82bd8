package io.newsflow.cli.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * How many articles per second the trend stage's task could take on one stream thread, from its Kafka Streams
 * metrics over the bench's timed run: the reciprocal of what one record costs it, process time plus its share of
 * the punctuation time of the run. The trend stage reads one partition (a top-N list needs every keyword of a
 * window), so this task is the pipeline's one part that more threads or instances cannot speed up.
 *
 * <p>Each counted article sends one record to the trend stage (a withdrawal or a revision one more), so records
 * per second are articles per second. Punctuation (publishing the changed open windows) runs once per emit interval
 * whatever the rate; charging it per record at the bench's rate overstates its cost at the ceiling's rate, so the
 * ceiling errs low.
 *
 * @param taskId the task, e.g. {@code 3_0}
 * @param records records it processed during the run
 * @param processNanos their summed process latency
 * @param processMaxNanos the slowest record since the task started (warm-up included)
 * @param punctuations punctuator calls during the run
 * @param punctuateNanos their summed latency
 * @param seconds the run's wall-clock time
 */
public record TrendCeiling(String taskId, long records, double processNanos, double processMaxNanos,
    long punctuations, double punctuateNanos, double seconds) {

  /** A large portal's output: about this many articles a day. */
  public static final double PORTAL_ARTICLES_PER_DAY = 50_000;

  /** The busiest hour's rate over the day's average, assumed. */
  public static final double PEAK_OVER_AVERAGE = 10;

  /** The figure between two snapshots of the same task; empty if its counters went back (the task moved). */
  public static Optional<TrendCeiling> between(String taskId, TaskSnapshot before, TaskSnapshot after,
      double seconds) {
    long records = after.processed() - before.processed();
    long punctuations = after.punctuations() - before.punctuations();
    if (records <= 0 || punctuations < 0 || seconds <= 0) {
      return Optional.empty();
    }
    return Optional.of(new TrendCeiling(taskId, records, after.processNanos() - before.processNanos(),
        after.processMaxNanos(), punctuations, after.punctuateNanos() - before.punctuateNanos(), seconds));
  }

  /** Process time per record, microseconds. */
  public double processMicrosPerRecord() {
    return processNanos / records / 1e3;
  }

  /** Punctuation time per second of the run, milliseconds. */
  public double punctuateMillisPerSecond() {
    return punctuateNanos / 1e6 / seconds;
  }

  /** What one record cost the task, punctuation included, nanoseconds. */
  public double nanosPerRecord() {
    return (processNanos + punctuateNanos) / records;
  }

  /** Records (articles) per second the task could take on one thread. */
  public double ceiling() {
    return 1e9 / nanosPerRecord();
  }

  /** Records per second the bench fed it: bounded by the stages before it, not by the task. */
  public double achieved() {
    return records / seconds;
  }

  /** The assumed peak rate of a large portal, articles per second. */
  public static double portalPeak() {
    return PORTAL_ARTICLES_PER_DAY / 86_400 * PEAK_OVER_AVERAGE;
  }

  /** The report's two lines. */
  public String report() {
    return String.format(Locale.ROOT,
        "trend task %s: %d records, process %.0f us/record avg (max %.1f ms since the task started), "
            + "punctuate %.2f ms/s (%d calls, %.2f ms avg) -> ceiling ~ %,.0f articles/s on one thread%n"
            + "  the bench fed it %.1f records/s (%d in %.2f s), %.1f%% of that ceiling; %,.0f articles a day are "
            + "%.2f/s, %.1f/s at a %.0fx peak: the ceiling is %,.0fx that peak",
        taskId, records, processMicrosPerRecord(), processMaxNanos / 1e6, punctuateMillisPerSecond(), punctuations,
        punctuations == 0 ? 0 : punctuateNanos / punctuations / 1e6, ceiling(), achieved(), records, seconds,
        100 * achieved() / ceiling(), PORTAL_ARTICLES_PER_DAY, PORTAL_ARTICLES_PER_DAY / 86_400, portalPeak(),
        PEAK_OVER_AVERAGE, ceiling() / portalPeak());
  }
}
