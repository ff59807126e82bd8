package io.newsflow.streams.support;

import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortedException;

/**
 * A transaction the broker would not commit because it had already ended it: the broker restarted or a
 * coordinator moved and aborted the open transaction, and the thread's next commit is refused. Kafka Streams
 * handles most of these as a task migration, but reports some as fatal, notably
 * {@link InvalidTxnStateException} on commit after the broker aborted the transaction (KAFKA-19690; seen here
 * when the only broker is SIGKILLed and restarted under a running app). Nothing of the aborted transaction is
 * visible to read_committed readers, so a new thread that resumes from the last commit loses and doubles nothing.
 */
public final class TransactionFailure {

  private TransactionFailure() {}

  /** The transactional error behind {@code e}, or null when there is none. */
  public static Throwable of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidTxnStateException || t instanceof InvalidProducerEpochException
          || t instanceof ProducerFencedException || t instanceof TransactionAbortedException) {
        return t;
      }
    }
    return null;
  }
}
