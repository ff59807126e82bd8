package io.newsflow.streams.topics;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A topic's name travelling with the serdes of its key and value, so no boundary guesses a serde. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  /** Source of this topic, with a processor name derived from the topic's. */
  public Consumed<K, V> consumed() {
    return Consumed.with(keySerde, valueSerde).withName(name + "-source");
  }

  /** Sink into this topic, with a processor name derived from the topic's. */
  public Produced<K, V> produced(String stage) {
    return Produced.with(keySerde, valueSerde).withName(stage + "-to-" + name);
  }
}
