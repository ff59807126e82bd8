package io.newsflow.streams.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many articles of one window mention one keyword, how prominent it was in them, how often each surface
 * form was used (so the trend shows the form readers saw most: "AI", not "ai"), and the few articles it weighs
 * most in (so a reader can go from the keyword to the news behind it).
 *
 * @param articles the number of unique articles that have the keyword
 * @param weight the sum of the keyword's weight in each of them ({@link #weightOfRank}), in millionths; breaks
 *     ties between keywords with the same article count in favour of those the articles were about. Whole
 *     numbers, so that adding and withdrawing articles in any order gives the same sum.
 * @param forms how many articles used each surface form
 * @param top up to {@link #TOP_ARTICLES} of its articles, heaviest first ({@link TopArticle#ORDER}). Bounded, so a
 *     withdrawal can leave fewer than there are articles until the next article comes in.
 */
public record KeywordTally(long articles, long weight, Map<String, Long> forms, List<TopArticle> top) {

  /** The weight of an article's first keyword. */
  public static final long WEIGHT_UNIT = 1_000_000L;

  /** How many articles a tally keeps for explaining its keyword. */
  public static final int TOP_ARTICLES = 3;

  public KeywordTally {
    top = top == null ? List.of() : List.copyOf(top);
  }

  /** A tally that keeps no articles. */
  public KeywordTally(long articles, long weight, Map<String, Long> forms) {
    this(articles, weight, forms, List.of());
  }

  public static KeywordTally first(String form, long weight) {
    return new KeywordTally(1, weight, Map.of(form, 1L));
  }

  public static KeywordTally first(String form, TopArticle article) {
    return new KeywordTally(1, article.weight(), Map.of(form, 1L), List.of(article));
  }

  public KeywordTally plus(String form, long addedWeight) {
    return new KeywordTally(articles + 1, weight + addedWeight, merged(form), top);
  }

  public KeywordTally plus(String form, TopArticle article) {
    List<TopArticle> kept = new ArrayList<>(top);
    kept.add(article);
    kept.sort(TopArticle.ORDER);
    return new KeywordTally(articles + 1, weight + article.weight(), merged(form),
        kept.subList(0, Math.min(TOP_ARTICLES, kept.size())));
  }

  /** The tally without one article that counted with {@code form} and {@code removedWeight}; null if none is left. */
  public KeywordTally minus(String form, long removedWeight) {
    return minus(form, removedWeight, null);
  }

  /** As {@link #minus(String, long)}, and drops article {@code articleId} from the top articles. */
  public KeywordTally minus(String form, long removedWeight, String articleId) {
    if (articles <= 1) {
      return null;
    }
    Map<String, Long> left = new HashMap<>(forms);
    left.computeIfPresent(form, (f, n) -> n > 1 ? n - 1 : null);
    List<TopArticle> kept = top.stream().filter(a -> !a.id().equals(articleId)).toList();
    return new KeywordTally(articles - 1, weight - removedWeight, left, kept);
  }

  private Map<String, Long> merged(String form) {
    Map<String, Long> merged = new HashMap<>(forms);
    merged.merge(form, 1L, Long::sum);
    return merged;
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

  public List<String> topArticleIds() {
    return top.stream().map(TopArticle::id).toList();
  }
}
