package io.newsflow.streams.trends;

import java.util.List;

/**
 * What the trend stage is told about one counted article: count it (or, when it is already counted, count
 * its new keywords instead of its old ones: a revision), or withdraw it (it turned out to be a duplicate).
 * The record's timestamp is the article's event time.
 *
 * @param key what the article is counted under: its item's first version, stable across revisions
 * @param articleId the article's id, for dead letters
 * @param keywords its ranked keywords in display form; empty for a withdrawal
 * @param withdraw true to take the article out of the counts
 */
public record TrendChange(String key, String articleId, List<String> keywords, boolean withdraw) {

  public TrendChange {
    keywords = List.copyOf(keywords);
  }

  public static TrendChange count(String key, String articleId, List<String> keywords) {
    return new TrendChange(key, articleId, keywords, false);
  }

  public static TrendChange withdrawal(String key) {
    return new TrendChange(key, null, List.of(), true);
  }
}
