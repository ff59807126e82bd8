/**
 * The pipeline's exact results, computed another way: {@link io.newsflow.streams.verify.Oracle} runs a list of
 * raw articles through the same normalizer, dedup rules and verdicts ({@link
 * io.newsflow.streams.dedup.OfflineDedup}), keyword extraction and trend counting as the topology, without
 * Kafka, and {@link io.newsflow.streams.verify.PipelineOutput} reads what the running pipeline published
 * (read_committed). {@link io.newsflow.streams.verify.Differences} lists every id whose final notice differs
 * and every window and keyword whose final count differs. Whatever the arrival order, partition count, crash or
 * broker restart, there must be none: that is what {@code newsflow verify} and the order, crash and restart
 * tests check.
 */
package io.newsflow.streams.verify;
