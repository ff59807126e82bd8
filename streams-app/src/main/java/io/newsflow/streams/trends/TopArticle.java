package io.newsflow.streams.trends;

import java.util.Comparator;

/**
 * One article among those a keyword weighs most in, for explaining a trend.
 *
 * @param id the article's id on news.articles
 * @param weight the keyword's weight in it ({@link KeywordTally#weightOfRank})
 * @param eventTime its event time: of equal weights, the earlier report comes first
 */
public record TopArticle(String id, long weight, long eventTime) {

  /** Heaviest first, then earliest, then by id, so the kept few do not depend on arrival order. */
  static final Comparator<TopArticle> ORDER = Comparator.comparingLong((TopArticle a) -> -a.weight)
      .thenComparingLong(TopArticle::eventTime)
      .thenComparing(TopArticle::id);
}
