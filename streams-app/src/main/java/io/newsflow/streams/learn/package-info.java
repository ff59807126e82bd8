/**
 * What the running app learns about keywords from its own stream, and how extraction uses it without losing
 * exact results.
 *
 * <p>The {@link io.newsflow.streams.learn.KeywordLearner} sits on the trend stage's single partition, which
 * already sees every counted article. It keeps, in state stores with changelogs, each keyword's document
 * frequency and each candidate Korean noun's article count, both decayed by event time with a half-life, and every
 * {@code newsflow.keywords.model.every} articles publishes a new version of the model to {@code news.keyword-model}
 * (compacted, key = version). Every instance reads that topic into a global store; the keywords stage extracts
 * with the latest version it has and records the version on the article ({@code Article.keywordModel}).
 *
 * <p>Which version an article meets depends on timing, like any online learning; what the version does to the
 * article does not. So the offline oracle replays each article with the version it recorded and must still
 * agree exactly with the pipeline, whatever the arrival order, partitions or faults.
 */
package io.newsflow.streams.learn;
