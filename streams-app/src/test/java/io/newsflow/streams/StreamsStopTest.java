package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamsStopTest {

  @Test
  void pendingErrorCompletesWithTheErrorAndItsRootCause() {
    StreamsStop stop = new StreamsStop();
    stop.onChange(State.RUNNING, State.REBALANCING);
    assertThat(stop.reason()).isNotDone();

    stop.error(new StreamsException("task 1_0 failed", new TimeoutException("EndTxn timed out")));
    stop.onChange(State.PENDING_ERROR, State.RUNNING);

    assertThat(stop.reason()).isCompletedWithValue("Kafka Streams reached PENDING_ERROR (from RUNNING): "
        + "org.apache.kafka.streams.errors.StreamsException: task 1_0 failed; cause "
        + "org.apache.kafka.common.errors.TimeoutException: EndTxn timed out");
  }

  @Test
  void theFirstReasonStays() {
    StreamsStop stop = new StreamsStop();
    stop.onChange(State.PENDING_ERROR, State.RUNNING);
    stop.onChange(State.ERROR, State.PENDING_ERROR);

    assertThat(stop.reason()).isCompletedWithValue("Kafka Streams reached PENDING_ERROR (from RUNNING)");
  }

  @Test
  void aShutdownNobodyAskedForIsAStop() {
    StreamsStop stop = new StreamsStop();
    stop.onChange(State.PENDING_SHUTDOWN, State.RUNNING);

    assertThat(stop.reason()).isCompletedWithValue("Kafka Streams shut down by itself (RUNNING -> PENDING_SHUTDOWN)");
  }

  @Test
  void aRequestedCloseIsNot() {
    StreamsStop stop = new StreamsStop();
    stop.closing();
    stop.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
    stop.onChange(State.NOT_RUNNING, State.PENDING_SHUTDOWN);

    assertThat(stop.reason()).isNotDone();
  }
}
