package io.newsflow.streams.keywords;

/**
 * One keyword of an article.
 *
 * @param key     the counting key: NFKC, lower case (Locale.ROOT); equal to {@link Keywords#key(String)} of display
 * @param display the surface form the article used most, e.g. "AI", "NASA", "딥시크"
 * @param count   occurrences, a title occurrence counting {@link KeywordExtractor#TITLE_WEIGHT} times
 */
public record Keyword(String key, String display, int count) {
}
