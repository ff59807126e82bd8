package io.newsflow.streams.trends;

import java.util.HashMap;
import java.util.Map;

/**
 * How many articles of one window mention one keyword, and how often each surface form was used, so the
 * trend shows the form readers saw most ("AI", not "ai").
 */
public record KeywordTally(long articles, Map<String, Long> forms) {

  public static KeywordTally first(String form) {
    return new KeywordTally(1, Map.of(form, 1L));
  }

  public KeywordTally plus(String form) {
    Map<String, Long> merged = new HashMap<>(forms);
    merged.merge(form, 1L, Long::sum);
    return new KeywordTally(articles + 1, merged);
  }

  /** The most used form; ties go to the alphabetically first, so the choice is stable. */
  public String display() {
    return forms.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
            java.util.Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElseThrow();
  }
}
