package io.newsflow.streams.trends;

/**
 * The trending score: how far a keyword's article count in a window rises above what its history predicts.
 *
 * <p>History is kept per window size, as exponentially weighted moving averages over the closed windows of that
 * size: of each window's article count, {@code V <- (1 - alpha) * V + alpha * N}, and of each keyword's article
 * count, {@code M <- (1 - alpha) * M + alpha * count} (a window without the keyword adds 0). The keyword's
 * expected share of a window's articles is {@code M / V}, and its expected count in a window with {@code N}
 * articles (so far) is {@code E = N * M / V}. A share measured this way weighs each past window by its size, so a
 * quiet weekend day of 4 articles moves it little, and a keyword with a steady share expects exactly that share,
 * however the volume swings.
 *
 * <p>The score is a z-score, {@code (count - E) / sqrt(E + prior + (dispersion * E)^2)}. With {@code dispersion}
 * 0 it is the Poisson z-score, whose variance {@code E} assumes articles mention a keyword independently of each
 * other. They do not: news comes in stories and seasons (an earnings season doubles "net" and "revenue" for
 * weeks), so the counts of a frequent keyword swing in proportion to their size, and under Poisson alone any
 * frequent word that rises by half scores higher than a new name that comes from nowhere. The quadratic term
 * (the negative binomial's variance) charges that swing: a keyword expected 100 times that comes 150 times
 * scores about 1.6 with the default 0.3, one expected 2 times that comes 12 times about 5.5. A keyword never
 * seen before ({@code E = 0}) scores {@code count / sqrt(prior)} rather than infinity.
 *
 * @param alpha the weight of the newest closed window in the history, in (0, 1]
 * @param prior pseudo-count added to the variance
 * @param dispersion how much the counts of a keyword swing beyond Poisson, relative to their size; 0 or more
 * @param minScore the score a trending keyword reaches at least
 * @param minCount the articles a trending keyword has at least
 * @param warmUp how many windows of a size must have closed before any keyword of that size trends
 */
public record Scoring(double alpha, double prior, double dispersion, double minScore, long minCount, int warmUp) {

  public static final Scoring DEFAULTS = new Scoring(0.2, 1.0, 0.3, 3.0, 3, 3);

  /** Published scores and expected counts are rounded to this many decimals, so that they are stable to read. */
  private static final double ROUNDING = 10_000.0;

  public Scoring {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("newsflow.trends.history-alpha must be in (0, 1], not " + alpha);
    }
    if (!(prior > 0)) {
      throw new IllegalArgumentException("newsflow.trends.prior must be positive, not " + prior);
    }
    if (!(dispersion >= 0)) {
      throw new IllegalArgumentException("newsflow.trends.dispersion must not be negative, not " + dispersion);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("newsflow.trends.min-count must be at least 1, not " + minCount);
    }
    if (warmUp < 0) {
      throw new IllegalArgumentException("newsflow.trends.warm-up must not be negative, not " + warmUp);
    }
  }

  /** The keyword's expected share of a window's articles, given the progress of its window size. */
  public double share(KeywordHistory history, WindowProgress progress) {
    if (history == null || progress.volume() <= 0) {
      return 0;
    }
    return decayed(history, progress.closedWindows()) / progress.volume();
  }

  public double expected(long windowArticles, KeywordHistory history, WindowProgress progress) {
    return windowArticles * share(history, progress);
  }

  public double score(long count, double expected) {
    double swing = dispersion * expected;
    return (count - expected) / Math.sqrt(expected + prior + swing * swing);
  }

  public boolean isTrending(long count, double score, long closedWindows) {
    return closedWindows >= warmUp && count >= minCount && score >= minScore;
  }

  /** The keyword's history once window number {@code closed + 1} closed with {@code count} of its articles. */
  public KeywordHistory updated(KeywordHistory history, long closed, long count) {
    double before = history == null ? 0 : decayed(history, closed);
    return new KeywordHistory((1 - alpha) * before + alpha * count, closed + 1);
  }

  /** The size's progress once a window with {@code articles} articles, ending at {@code end}, closed. */
  public WindowProgress closed(WindowProgress progress, long articles, long end) {
    long through = Math.max(progress.closedThrough(), end);
    if (articles == 0) {
      // An emptied window (every article withdrawn) says nothing about shares.
      return new WindowProgress(progress.closedWindows(), through, progress.volume());
    }
    return new WindowProgress(progress.closedWindows() + 1, through,
        (1 - alpha) * progress.volume() + alpha * articles);
  }

  /** The keyword's average as of {@code closed} windows: one factor of 1 - alpha per window without it since. */
  private double decayed(KeywordHistory history, long closed) {
    return history.mean() * Math.pow(1 - alpha, closed - history.updatedAt());
  }

  public static double round(double value) {
    return Math.round(value * ROUNDING) / ROUNDING;
  }
}
