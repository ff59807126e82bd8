package io.newsflow.streams;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether Kafka Streams stopped by itself, and why: it reached PENDING_ERROR or ERROR (every thread died, or
 * the client is shutting down after an error the app does not retry), or it stopped without {@link StreamsApp#close()}. A process
 * that keeps running then serves an API over nothing, and no orchestrator restarts it; {@code newsflow stream}
 * and {@code demo} wait on {@link #reason()} and exit non-zero.
 */
final class StreamsStop {

  private final CompletableFuture<String> reason = new CompletableFuture<>();
  private final AtomicReference<Throwable> lastError = new AtomicReference<>();
  private volatile boolean closing;

  /** Notes the error a stream thread died of; the state change that follows names it. */
  void error(Throwable e) {
    lastError.set(e);
  }

  /** Called before a requested close: the states that follow are not a failure. */
  void closing() {
    closing = true;
  }

  void onChange(KafkaStreams.State now, KafkaStreams.State before) {
    if (closing) {
      return;
    }
    // PENDING_ERROR, not ERROR: the client reaches ERROR only once its threads have closed, and with the
    // broker gone that close waited over ten minutes in a manual run (4 Dec); the app's own close is bounded.
    if (now == KafkaStreams.State.PENDING_ERROR || now == KafkaStreams.State.ERROR) {
      reason.complete("Kafka Streams reached " + now + " (from " + before + ")" + cause());
    } else if (now == KafkaStreams.State.PENDING_SHUTDOWN || now == KafkaStreams.State.NOT_RUNNING) {
      reason.complete("Kafka Streams shut down by itself (" + before + " -> " + now + ")" + cause());
    }
  }

  private String cause() {
    Throwable e = lastError.get();
    if (e == null) {
      return "";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootText = root == e ? "" : "; cause " + root.getClass().getName() + ": " + root.getMessage();
    return ": " + e.getClass().getName() + ": " + e.getMessage() + rootText;
  }

  /** Completes with the reason when Kafka Streams stops by itself; never completes after a requested close. */
  CompletableFuture<String> reason() {
    return reason;
  }
}
