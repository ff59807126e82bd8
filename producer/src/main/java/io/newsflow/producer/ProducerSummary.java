package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import java.util.List;

/**
 * What one producer run did, for the operator: files read, records read and sent, and every failure
 * with where and why.
 *
 * @param filesRead files found and opened, including those that failed
 * @param recordsRead records read from them
 * @param recordsSent records the cluster acknowledged; 0 in a dry run
 * @param failures files, items and sends that failed, in the order seen
 * @param dryRun true when nothing was sent
 * @param records the records read, kept only in a dry run (empty otherwise)
 */
public record ProducerSummary(
    int filesRead, long recordsRead, long recordsSent, List<Failure> failures, boolean dryRun,
    List<RawArticle> records) {

  public ProducerSummary {
    failures = List.copyOf(failures);
    records = List.copyOf(records);
  }

  /** True when every file and record went through. */
  public boolean succeeded() {
    return failures.isEmpty();
  }

  /**
   * Human-readable, several lines: the counts, then one indented line per failure, e.g.
   * <pre>
   * files: 4, records sent: 7, failures: 1
   *   bad.json: Unexpected character ('x' (code 120)) ... at line 1 column 5
   * </pre>
   */
  public String format() {
    StringBuilder text = new StringBuilder();
    if (dryRun) {
      text.append("dry run: files: ").append(filesRead)
          .append(", records read: ").append(recordsRead)
          .append(" (not sent)");
    } else {
      text.append("files: ").append(filesRead)
          .append(", records sent: ").append(recordsSent);
    }
    text.append(", failures: ").append(failures.size());
    for (Failure failure : failures) {
      text.append("\n  ").append(failure.format());
    }
    return text.toString();
  }
}
