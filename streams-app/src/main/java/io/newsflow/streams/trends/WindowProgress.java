package io.newsflow.streams.trends;

/**
 * How far the windows of one size have closed, and their average size.
 *
 * @param closedWindows how many windows with articles have closed (emptied ones do not count)
 * @param closedThrough the end of the last closed window (epoch millis): an article of an earlier window is late
 *     even when stream time would still let it in, because its window was closed on the wall clock
 * @param volume the exponentially weighted moving average of the article count of those windows: the {@code V}
 *     of {@link Scoring}
 */
public record WindowProgress(long closedWindows, long closedThrough, double volume) {

  static final WindowProgress NONE = new WindowProgress(0, Long.MIN_VALUE, 0);
}
