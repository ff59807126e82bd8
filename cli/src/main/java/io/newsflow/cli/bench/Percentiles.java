package io.newsflow.cli.bench;

import java.util.Arrays;

/** Percentiles by the nearest-rank method: the smallest value with at least p% of the values at or below it. */
public final class Percentiles {

  private Percentiles() {
  }

  /** The {@code percent} percentile (0 < percent <= 100) of {@code values}, which need not be sorted. */
  public static long of(long[] values, double percent) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
