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
 * @param terms the counting keys of all its keywords, not only the ranked few: what the keyword model counts
 *     document frequencies of ({@code io.newsflow.streams.learn})
 * @param nouns the whole Korean nouns it wrote where Nori read less: what the keyword model learns nouns from
 * @param pairs its Korean keywords that stood alone with the next word's noun: what names written with a space
 *     are learned from
 */
public record TrendChange(String key, String articleId, List<String> keywords, boolean withdraw, List<String> terms,
    List<String> nouns, List<String> pairs) {

  public TrendChange {
    keywords = List.copyOf(keywords);
    terms = List.copyOf(terms);
    nouns = List.copyOf(nouns);
    pairs = List.copyOf(pairs);
  }

  public static TrendChange count(String key, String articleId, List<String> keywords) {
    return count(key, articleId, keywords, List.of(), List.of(), List.of());
  }

  public static TrendChange count(String key, String articleId, List<String> keywords, List<String> terms,
      List<String> nouns, List<String> pairs) {
    return new TrendChange(key, articleId, keywords, false, terms, nouns, pairs);
  }

  public static TrendChange withdrawal(String key) {
    return new TrendChange(key, null, List.of(), true, List.of(), List.of(), List.of());
  }
}
