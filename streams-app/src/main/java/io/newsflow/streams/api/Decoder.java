package io.newsflow.streams.api;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an output-topic value inside the API's processors rather than in the source node: a record that
 * does not decode is logged and skipped, so a stranger's write to news.trends cannot stop the pipeline.
 */
final class Decoder<T> {

  private static final Logger LOG = LoggerFactory.getLogger(Decoder.class);

  private final String topic;
  private final Deserializer<T> deserializer;
  private final StageMeters meters;

  Decoder(String topic, Deserializer<T> deserializer, StageMeters meters) {
    this.topic = topic;
    this.deserializer = deserializer;
    this.meters = meters;
  }

  /** The value, or null for a tombstone or a payload that does not decode. */
  T decode(byte[] payload, int partition, long offset) {
    if (payload == null) {
      return null;
    }
    try {
      return deserializer.deserialize(topic, payload);
    } catch (SerializationException e) {
      LOG.warn("event=undecodable-record topic={} partition={} offset={} reason=\"{}\"", topic, partition, offset,
          e.getMessage());
      meters.undecodable(topic);
      return null;
    }
  }
}
