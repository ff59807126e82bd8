package io.newsflow.producer;

import java.time.Duration;

/**
 * The wait before retrying a source that failed: {@code initial}, doubled at each further failure in a
 * row, never more than {@code max}.
 */
record Backoff(Duration initial, Duration max) {

  /** The wait after {@code failures} failures in a row (1 or more). */
  Duration delay(int failures) {
    Duration delay = initial;
    for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
