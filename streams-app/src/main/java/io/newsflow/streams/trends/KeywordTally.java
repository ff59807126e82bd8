package io.newsflow.streams.trends;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * How many articles of one window mention one keyword, how prominent it was in them, and how often each
 * surface form was used, so the trend shows the form readers saw most ("AI", not "ai").
 *
 * @param articles the number of unique articles that have the keyword
 * @param weight the sum of the keyword's weight in each of them ({@link #weightOfRank}), in millionths; breaks
 *     ties between keywords with the same article count in favour of those the articles were about. Whole
 *     numbers, so that adding and withdrawing articles in any order gives the same sum.
 * @param forms how many articles used each surface form
 */
public record KeywordTally(long articles, long weight, Map<String, Long> forms) {

  /** The weight of an article's first keyword. */
  public static final long WEIGHT_UNIT = 1_000_000L;

  public static KeywordTally first(String form, long weight) {
    return new KeywordTally(1, weight, Map.of(form, 1L));
  }

  public KeywordTally plus(String form, long addedWeight) {
    Map<String, Long> merged = new HashMap<>(forms);
    merged.merge(form, 1L, Long::sum);
    return new KeywordTally(articles + 1, weight + addedWeight, merged);
  }

  /** The tally without one article that counted with {@code form} and {@code removedWeight}; null if none is left. */
  public KeywordTally minus(String form, long removedWeight) {
    if (articles <= 1) {
      return null;
    }
    Map<String, Long> left = new HashMap<>(forms);
    left.computeIfPresent(form, (f, n) -> n > 1 ? n - 1 : null);
    return new KeywordTally(articles - 1, weight - removedWeight, left);
  }

  /** An article's first keyword weighs {@link #WEIGHT_UNIT}, its second half that, and so on. */
  public static long weightOfRank(int zeroBasedRank) {
    return WEIGHT_UNIT / (zeroBasedRank + 1);
  }

  /** The most used form; ties go to the alphabetically first, so the choice is stable. */
  public String display() {
    return forms.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElseThrow();
  }
}
