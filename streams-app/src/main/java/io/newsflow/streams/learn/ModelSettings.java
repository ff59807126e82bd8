package io.newsflow.streams.learn;

import java.time.Duration;

/**
 * The keyword model's knobs ({@code newsflow.keywords.model.*}).
 *
 * @param enabled false: no learning, extraction with the shipped models alone
 * @param every how many counted articles between two published versions
 * @param halfLife how fast what was learned fades, in event time: a document counts half after this long
 * @param minShare the smallest share of recent articles a keyword must be in for the model to weigh it down
 * @param minDocuments how many (decayed) articles the model must have read before it weighs anything down
 * @param nounMinArticles in how many (decayed) articles a noun must have been seen whole to be learned
 * @param maxNouns the most nouns a version holds (the most frequent first; kept ones come on top)
 * @param maxCandidates the most candidate nouns the learner tracks; the rarest are forgotten first
 * @param retainVersions how many versions stay on news.keyword-model; older ones are deleted (tombstones)
 */
public record ModelSettings(boolean enabled, int every, Duration halfLife, double minShare, int minDocuments,
    double nounMinArticles, int maxNouns, int maxCandidates, int retainVersions) {

  public static final ModelSettings DEFAULTS =
      new ModelSettings(true, 500, Duration.ofDays(7), 0.05, 200, 3, 2000, 50_000, 1000);

  public ModelSettings {
    if (every <= 0 || halfLife.isNegative() || halfLife.isZero() || minShare <= 0 || minShare > 1
        || minDocuments < 0 || nounMinArticles < 1 || maxNouns < 0 || maxCandidates < maxNouns
        || retainVersions < 1) {
      throw new IllegalArgumentException("newsflow.keywords.model.*: every > 0, half-life > 0, 0 < min-share <= 1,"
          + " min-documents >= 0, noun-min-articles >= 1, 0 <= max-nouns <= max-candidates, retain-versions >= 1;"
          + " got " + this);
    }
  }
}
