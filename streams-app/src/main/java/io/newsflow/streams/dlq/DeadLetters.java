package io.newsflow.streams.dlq;

import io.newsflow.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter of a record a stage rejects: the stage, the reason, and where the record came from. */
public final class DeadLetters {

  private DeadLetters() {}

  public static DeadLetter of(String stage, String reason, ProcessingContext context,
      byte[] key, byte[] value, long timestamp) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(reason)
        .setSourceTopic(origin == null ? "unknown" : origin.topic())
        .setPartition(origin == null ? -1 : origin.partition())
        .setOffset(origin == null ? -1L : origin.offset())
        .setKey(key == null ? null : ByteBuffer.wrap(key))
        .setValue(value == null ? null : ByteBuffer.wrap(value))
        .setTimestamp(Instant.ofEpochMilli(timestamp))
        .build();
  }

  /** Why an exception stopped a record, in one line: its type and message, never a stack trace. */
  public static String reasonOf(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
