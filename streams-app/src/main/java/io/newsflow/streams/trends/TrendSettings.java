package io.newsflow.streams.trends;

import java.time.Duration;
import java.util.List;

/**
 * The knobs of the trend stage ({@code newsflow.trends.*}).
 *
 * @param windows the tumbling window sizes counted at once, each published to news.trends on its own
 * @param grace how long (stream time) after its end a window still takes late articles
 * @param topN the entries of a snapshot, at most
 * @param emitInterval how often (wall clock) changed open windows are published
 * @param idleClose how long the input must have been silent (wall clock) before windows close on the wall clock:
 *     a window whose end plus grace is more than this before the wall clock closes then, since stream time
 *     alone never moves without records
 * @param scoring the trending score and its thresholds
 * @param historyMaxKeywords the keywords remembered per window size, at most; the least expected go first
 */
public record TrendSettings(
    List<Duration> windows,
    Duration grace,
    int topN,
    Duration emitInterval,
    Duration idleClose,
    Scoring scoring,
    int historyMaxKeywords) {

  public TrendSettings {
    windows = List.copyOf(windows);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("newsflow.trends.windows must name at least one window size");
    }
    for (Duration size : windows) {
      if (size.isNegative() || size.isZero() || size.toMillis() == 0) {
        throw new IllegalArgumentException("newsflow.trends.windows: " + size + " is not a positive window size");
      }
    }
    if (windows.stream().map(Duration::toMillis).distinct().count() != windows.size()) {
      throw new IllegalArgumentException("newsflow.trends.windows names a size twice: " + windows);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("newsflow.trends.grace must not be negative");
    }
    if (topN <= 0) {
      throw new IllegalArgumentException("newsflow.trends.top-n must be positive");
    }
    if (emitInterval.isNegative() || emitInterval.isZero()) {
      throw new IllegalArgumentException("newsflow.trends.emit-interval must be positive");
    }
    if (idleClose.isNegative() || idleClose.isZero()) {
      throw new IllegalArgumentException("newsflow.trends.idle-close must be positive");
    }
    if (historyMaxKeywords <= 0) {
      throw new IllegalArgumentException("newsflow.trends.history-max-keywords must be positive");
    }
  }
}
