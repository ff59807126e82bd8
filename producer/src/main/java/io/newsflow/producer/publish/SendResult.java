package io.newsflow.producer.publish;

import io.newsflow.producer.Failure;

/**
 * How one send ended: acknowledged by the cluster, failed in a way a later attempt may fix (timeout,
 * cluster or registry unreachable), or failed for good (record too large, refused by the schema).
 *
 * @param outcome how it ended
 * @param failure what went wrong, null when acknowledged
 */
public record SendResult(Outcome outcome, Failure failure) {

  public static final SendResult ACKED = new SendResult(Outcome.ACKED, null);

  public enum Outcome { ACKED, RETRIABLE, FAILED }

  public boolean acked() {
    return outcome == Outcome.ACKED;
  }

  public boolean retriable() {
    return outcome == Outcome.RETRIABLE;
  }
}
