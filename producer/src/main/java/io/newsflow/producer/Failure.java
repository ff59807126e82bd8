package io.newsflow.producer;

import java.util.Objects;

/**
 * One thing the producer could not read or send, told the way an operator finds it again: where (a file,
 * a file and line, a file and array index) and why.
 *
 * @param origin where it happened, e.g. {@code seeds/bad.json} or {@code feed.jsonl:7}
 * @param reason why, in one line
 */
public record Failure(String origin, String reason) {

  public Failure {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code origin: reason}, the form the summary and the logs use. */
  public String format() {
    return origin + ": " + reason;
  }
}
