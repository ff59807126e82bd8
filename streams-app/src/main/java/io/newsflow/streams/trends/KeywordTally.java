package io.newsflow.streams.trends;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * How many articles of one window mention one keyword, how prominent it was in them, and how often each
 * surface form was used, so the trend shows the form readers saw most ("AI", not "ai").
 *
 * @param articles the number of unique articles that have the keyword
 * @param weight the sum of the keyword's weight in each of them ({@link #weightOfRank}); breaks ties between
 *     keywords with the same article count in favour of those the articles were about
 * @param forms how many articles used each surface form
 */
public record KeywordTally(long articles, double weight, Map<String, Long> forms) {

  public static KeywordTally first(String form, double weight) {
    return new KeywordTally(1, weight, Map.of(form, 1L));
  }

  public KeywordTally plus(String form, double addedWeight) {
    Map<String, Long> merged = new HashMap<>(forms);
    merged.merge(form, 1L, Long::sum);
    return new KeywordTally(articles + 1, weight + addedWeight, merged);
  }

  /** An article's first keyword weighs 1, its second 1/2, and so on. */
  public static double weightOfRank(int zeroBasedRank) {
    return 1.0 / (zeroBasedRank + 1);
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
