package io.newsflow.cli.bench;

import java.util.Locale;

/**
 * The value of {@code bench --rate}: a fixed number of articles per second, or {@code auto}, which is a share
 * ({@link #AUTO_SHARE}) of the steady peak a short steady run measures first.
 *
 * @param perSecond the fixed rate; 0 for auto
 */
public record BenchRate(double perSecond) {

  /** The share of the measured steady peak that {@code --rate auto} feeds. */
  public static final double AUTO_SHARE = 0.5;

  public static final BenchRate AUTO = new BenchRate(0);

  public BenchRate {
    if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("not a rate: " + perSecond);
    }
  }

  /**
   * {@code auto} or a positive number of articles per second, e.g. {@code 20} or {@code 12.5}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static BenchRate parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("auto")) {
      return AUTO;
    }
    double rate;
    try {
      rate = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a rate: a number of articles/s, or auto", e);
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("'" + text + "' is not a rate: it must be a positive number of articles/s");
    }
    return new BenchRate(rate);
  }

  public boolean auto() {
    return perSecond == 0;
  }

  /** The rate to feed: the fixed one, or {@link #AUTO_SHARE} of {@code steadyPeak} for auto. */
  public double resolve(double steadyPeak) {
    return auto() ? steadyPeak * AUTO_SHARE : perSecond;
  }
}
