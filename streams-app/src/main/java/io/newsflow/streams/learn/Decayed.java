package io.newsflow.streams.learn;

/**
 * A count that fades with event time: {@code value} as of {@code at}; an observation {@code h} (a half-life)
 * older than another counts half as much. Adding an observation older than {@code at} (articles arrive out of
 * order) adds its faded weight, so the value does not depend on the order observations arrive in.
 */
record Decayed(double value, long at) {

  static final Decayed NONE = new Decayed(0, Long.MIN_VALUE);

  /** The value as of {@code time}, which is at or after {@link #at}. */
  double valueAt(long time, long halfLifeMillis) {
    if (value == 0 || time <= at) {
      return value;
    }
    return value * Math.pow(0.5, (double) (time - at) / halfLifeMillis);
  }

  /** With one more observation at event time {@code time}. */
  Decayed plus(long time, long halfLifeMillis) {
    if (value == 0) {
      return new Decayed(1, time);
    }
    long now = Math.max(at, time);
    return new Decayed(valueAt(now, halfLifeMillis) + Math.pow(0.5, (double) (now - time) / halfLifeMillis), now);
  }
}
