package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.registry.client.SchemaRegistryException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** Which failures of a stream thread replace the thread and which stop the client. */
class UncaughtExceptionResponseTest {

  @Test
  void aCommitTheBrokerRefusedAfterAbortingReplacesTheThread() {
    // As Kafka Streams 4.x reports it after the only broker was SIGKILLed and restarted (KAFKA-19690).
    StreamsException e = new StreamsException("Error encountered trying to commit a transaction",
        new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state."));

    assertThat(StreamsApp.onUncaught(e)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aRegistryThatDoesNotAnswerReplacesTheThread() {
    StreamsException e = new StreamsException("Exception caught in process",
        new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "Schema Registry unreachable"));

    assertThat(StreamsApp.onUncaught(e)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aBugStopsTheClientInsteadOfSkippingRecords() {
    StreamsException e = new StreamsException("Exception caught in process", new IllegalStateException("bug"));

    assertThat(StreamsApp.onUncaught(e)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
