package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import java.util.List;

/**
 * What one producer run did, for the operator: files read, records read, sent and skipped, feed polls, and
 * every failure with where and why.
 *
 * @param filesRead files found and opened, including those that failed
 * @param recordsRead records read from them
 * @param recordsSent records the cluster acknowledged; 0 in a dry run
 * @param failures files, items, polls and sends that failed, in the order seen (the first thousand)
 * @param dryRun true when nothing was sent
 * @param records the records read, kept only in a dry run without an output (empty otherwise)
 * @param recordsSkipped records not sent because this source sent them before (state file)
 * @param filesUnchanged files not read because they had not changed since they were sent
 * @param feedPolls feed requests made
 * @param failureCount all failures, including those beyond the thousand kept in {@code failures}
 * @param stopped true when the run stopped early because nothing more could be sent
 */
public record ProducerSummary(
    int filesRead, long recordsRead, long recordsSent, List<Failure> failures, boolean dryRun,
    List<RawArticle> records, long recordsSkipped, int filesUnchanged, long feedPolls, long failureCount,
    boolean stopped) {

  public ProducerSummary {
    failures = List.copyOf(failures);
    records = List.copyOf(records);
    failureCount = Math.max(failureCount, failures.size());
  }

  /** A one-shot run's summary: nothing skipped, no feeds. */
  public ProducerSummary(int filesRead, long recordsRead, long recordsSent, List<Failure> failures, boolean dryRun,
      List<RawArticle> records) {
    this(filesRead, recordsRead, recordsSent, failures, dryRun, records, 0, 0, 0, failures.size(), false);
  }

  /** True when every file, poll and record went through. */
  public boolean succeeded() {
    return failureCount == 0;
  }

  /**
   * Human-readable, several lines: the counts, then one indented line per failure, e.g.
   * <pre>
   * files: 4, records sent: 7, failures: 1
   *   bad.json: Unexpected character ('x' (code 120)) ... at line 1 column 5
   * </pre>
   * Skipped records, unchanged files and feed polls are named only when there were some.
   */
  public String format() {
    StringBuilder text = new StringBuilder();
    if (dryRun) {
      text.append("dry run: files: ").append(filesRead);
      appendFeeds(text);
      text.append(", records read: ").append(recordsRead).append(" (not sent)");
    } else {
      text.append("files: ").append(filesRead);
      appendFeeds(text);
      text.append(", records sent: ").append(recordsSent);
    }
    if (recordsSkipped > 0) {
      text.append(", skipped (already sent): ").append(recordsSkipped);
    }
    if (filesUnchanged > 0) {
      text.append(", unchanged files: ").append(filesUnchanged);
    }
    text.append(", failures: ").append(failureCount);
    for (Failure failure : failures) {
      text.append("\n  ").append(failure.format());
    }
    if (failureCount > failures.size()) {
      text.append("\n  ... and ").append(failureCount - failures.size()).append(" more (see the log)");
    }
    return text.toString();
  }

  private void appendFeeds(StringBuilder text) {
    if (feedPolls > 0) {
      text.append(", feed polls: ").append(feedPolls);
    }
  }
}
