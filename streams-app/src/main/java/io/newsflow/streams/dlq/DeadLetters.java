package io.newsflow.streams.dlq;

import io.newsflow.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter of a record a stage rejects: the stage, the reason, and where the record came from. */
public final class DeadLetters {

  /**
   * The most of a rejected record's key or value a dead letter carries. A record as large as the broker allows
   * on news.raw, wrapped in a dead letter, would be larger than it allows on news.dlq, and a write the broker
   * refuses stops the application: the one place a bad record must never reach.
   */
  public static final int MAX_BYTES = 256 * 1024;
  /** An exception message may quote the whole input; the reason is meant to be read. */
  static final int MAX_REASON = 2000;

  private DeadLetters() {}

  public static DeadLetter of(String stage, String reason, ProcessingContext context,
      byte[] key, byte[] value, long timestamp) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    String cut = (key != null && key.length > MAX_BYTES ? " (key cut to " + MAX_BYTES + " of " + key.length
        + " bytes)" : "") + (value != null && value.length > MAX_BYTES ? " (value cut to " + MAX_BYTES + " of "
        + value.length + " bytes)" : "");
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason((reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason) + cut)
        .setSourceTopic(origin == null ? "unknown" : origin.topic())
        .setPartition(origin == null ? -1 : origin.partition())
        .setOffset(origin == null ? -1L : origin.offset())
        .setKey(key == null ? null : ByteBuffer.wrap(key, 0, Math.min(key.length, MAX_BYTES)).slice())
        .setValue(value == null ? null : ByteBuffer.wrap(value, 0, Math.min(value.length, MAX_BYTES)).slice())
        .setTimestamp(Instant.ofEpochMilli(timestamp))
        .build();
  }

  /** Why an exception stopped a record, in one line: its type and message, never a stack trace. */
  public static String reasonOf(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
