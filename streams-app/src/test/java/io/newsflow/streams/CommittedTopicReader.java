package io.newsflow.streams;

import io.newsflow.registry.serde.AvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one output topic from the beginning, committed transactions only, keeping every value. */
final class CommittedTopicReader<T extends SpecificRecord> implements AutoCloseable {

  private final KafkaConsumer<String, T> consumer;
  private final List<T> records = new ArrayList<>();
  private final List<Instant> timestamps = new ArrayList<>();

  CommittedTopicReader(String bootstrapServers, String registryUrl, String topic, Class<T> type) {
    AvroDeserializer<T> values = new AvroDeserializer<>(type);
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls once and returns everything read so far. */
  List<T> poll() {
    consumer.poll(Duration.ofMillis(100)).forEach(record -> {
      records.add(record.value());
      timestamps.add(Instant.ofEpochMilli(record.timestamp()));
    });
    return records();
  }

  List<Instant> timestamps() {
    return List.copyOf(timestamps);
  }

  List<T> records() {
    return List.copyOf(records);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
