package io.newsflow.cli.bench;

import java.time.Duration;

/**
 * When each article of a paced benchmark run is due: article i (from 0) at {@code i / rate} seconds after the
 * start, whatever happened before it. A late send does not push the later ones back, so the schedule does not
 * drift and a pipeline that falls behind is not given a slower feed (no coordinated omission).
 *
 * @param perSecond articles per second, positive
 * @param duration how long the run feeds, positive
 */
public record PacingSchedule(double perSecond, Duration duration) {

  public PacingSchedule {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("the rate must be a positive number of articles/s: " + perSecond);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration must be positive: " + duration);
    }
  }

  /** The articles the run sends: every one due before the duration is over. */
  public long count() {
    return (long) Math.ceil(perSecond * duration.toNanos() / 1e9);
  }

  /** Nanoseconds after the start at which article {@code index} is due. */
  public long dueNanos(long index) {
    return Math.round(index * 1e9 / perSecond);
  }
}
