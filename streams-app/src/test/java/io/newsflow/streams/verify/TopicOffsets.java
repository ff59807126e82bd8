package io.newsflow.streams.verify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many records have been written to a topic, uncommitted ones and transaction markers included. */
public final class TopicOffsets implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;

  public TopicOffsets(String bootstrapServers) {
    consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        // Only looks: a topic made here before the app makes it would have the wrong partition count.
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The sum of the topic's end offsets; -1 while it does not exist. */
  public long written(String topic) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    if (partitions.isEmpty()) {
      return -1;
    }
    return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue)
        .sum();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
