package io.newsflow.streams.keywords;

import java.util.HashMap;
import java.util.Map;

/**
 * The lower-case two-word phrases of one English article that are one keyword: oil prices, stock market, trade
 * ban, aircraft engines. A pair of content words (no stop words) one space apart is a phrase when the article
 * writes it twice or more, at least once in the body: a subject recurs as a unit, while two words that meet
 * once are prose. A phrase takes its occurrences from its words (the "prices" of "oil prices" counts once, as
 * the phrase), and is as rare across news as the rarer of its words ({@link #idf}). Not thread-safe; one per
 * extractor, cleared per article.
 */
final class CommonPhrases {

  /** Shorter words are mostly abbreviations and units (mln, pct), which the stop words do not all hold. */
  private static final int MIN_WORD = 3;
  private static final int MIN_COUNT = 2;

  private final Map<String, int[]> counts = new HashMap<>();

  void clear() {
    counts.clear();
  }

  /** Counts one occurrence of the pair {@code key} ("oil prices"); {@code inBody} false for the title's. */
  void count(String key, boolean inBody) {
    int[] c = counts.computeIfAbsent(key, k -> new int[2]);
    c[0]++;
    if (inBody) {
      c[1]++;
    }
  }

  /** How often the article writes the pair {@code key}. */
  int count(String key) {
    int[] c = counts.get(key);
    return c == null ? 0 : c[0];
  }

  boolean isPhrase(String key) {
    int[] c = counts.get(key);
    return c != null && c[0] >= MIN_COUNT && c[1] >= 1;
  }

  /** A word that may be part of a phrase: letters only, {@value #MIN_WORD} or more. */
  static boolean word(String term) {
    if (term.length() < MIN_WORD) {
      return false;
    }
    for (int k = 0; k < term.length(); k++) {
      if (!Character.isLetter(term.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** A phrase is as informative as the rarer of its two words in the background model. */
  static double idf(String key, DocumentFrequencies background) {
    int space = key.indexOf(' ');
    return Math.max(background.idf(key.substring(0, space)), background.idf(key.substring(space + 1)));
  }
}
