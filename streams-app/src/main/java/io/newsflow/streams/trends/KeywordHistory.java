package io.newsflow.streams.trends;

/**
 * What the trend stage remembers of one keyword for one window size between windows.
 *
 * @param mean the exponentially weighted moving average of the keyword's article count per closed window, as of
 *     window {@code updatedAt}
 * @param updatedAt the number of the closed window (1 for the first one of the size) that last updated it; each
 *     window closed since, without the keyword, decays the average by 1 - alpha ({@link Scoring})
 */
public record KeywordHistory(double mean, long updatedAt) {}
