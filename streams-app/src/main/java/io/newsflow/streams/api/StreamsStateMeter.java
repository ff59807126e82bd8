package io.newsflow.streams.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Kafka Streams client's state as one gauge per state, 1 for the current one and 0 for the others
 * ({@code newsflow_streams_state{state="ERROR"} == 1}), so that an alert needs no mapping of numbers to names.
 * Kafka Streams' own {@code state} metric is a string, which Micrometer's binder leaves out.
 */
final class StreamsStateMeter {

  static final String STATE = "newsflow.streams.state";

  private StreamsStateMeter() {
  }

  static void bindTo(MeterRegistry registry, KafkaStreams streams) {
    for (KafkaStreams.State state : KafkaStreams.State.values()) {
      Gauge.builder(STATE, streams, s -> s.state() == state ? 1 : 0)
          .description("1 for the Kafka Streams client's current state, 0 for the others")
          .tag("state", state.name())
          .register(registry);
    }
  }
}
