package io.newsflow.producer;

import java.time.Duration;

/**
 * A running producer's counts so far, for a progress line.
 *
 * @param elapsed time since the run started
 * @param filesRead files opened
 * @param recordsRead items read from every source
 * @param recordsSent records the cluster acknowledged (in a dry run: printed)
 * @param recordsSkipped items not sent because they were sent before (same source, same id)
 * @param failures items, files, polls and sends that failed
 * @param feedPolls feed requests made
 * @param feedsNotModified of those, the ones answered 304 Not Modified
 */
public record ProducerProgress(Duration elapsed, int filesRead, long recordsRead, long recordsSent,
    long recordsSkipped, long failures, long feedPolls, long feedsNotModified) {}
