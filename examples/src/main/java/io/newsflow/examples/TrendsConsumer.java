package io.newsflow.examples;

import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.registry.serde.AvroSerdeConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream service's consumer of news.trends: prints each window's snapshot (its trending and top keywords)
 * as it arrives, from the beginning of the topic. Configured like any Confluent Avro consumer; the only newsflow
 * code it uses is the published schemas and serde.
 */
public final class TrendsConsumer implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(500);

  private final ConsumerOptions options;
  private final KafkaConsumer<String, TrendSnapshot> consumer;

  TrendsConsumer(ConsumerOptions options) {
    this.options = options;
    this.consumer = new KafkaConsumer<>(settings(options));
  }

  public static void main(String[] args) {
    ConsumerOptions options;
    try {
      options = ConsumerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (TrendsConsumer trends = new TrendsConsumer(options)) {
      Thread main = Thread.currentThread();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        trends.stop();
        joinQuietly(main);
      }));
      long printed = trends.run(out);
      System.err.println("snapshots printed: " + printed);
    }
  }

  /** What the consumer is given: the Kafka client's and the registry client's keys, as a downstream config has. */
  static Map<String, Object> settings(ConsumerOptions options) {
    Map<String, Object> settings = new HashMap<>(options.clientSettings());
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, options.schemaRegistryUrl());
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
    settings.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, TrendSnapshot.class.getName());
    // The streams app writes in transactions (exactly-once): aborted snapshots must not be shown.
    settings.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-trends-example");
    return settings;
  }

  /**
   * Prints snapshots until {@link #stop}, {@code --max-records} or {@code --timeout}; returns how many it printed.
   * Partitions are assigned rather than subscribed to: the example shows every window kept on the topic each
   * time it runs, which a consumer group with committed offsets would not.
   */
  long run(PrintStream out) {
    List<TopicPartition> partitions = consumer.partitionsFor(options.topic()).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("topic " + options.topic() + " not found at " + options.bootstrapServers());
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Instant deadline = options.timeout() == null ? Instant.MAX : Instant.now().plus(options.timeout());
    long printed = 0;
    try {
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, TrendSnapshot> record : consumer.poll(POLL)) {
          if (record.value() == null) {
            continue;
          }
          out.println(SnapshotLine.format(record.key(), record.value()));
          printed++;
          if (printed == options.maxRecords()) {
            return printed;
          }
        }
      }
    } catch (WakeupException stopped) {
      // stop() was called: a normal end.
    }
    return printed;
  }

  /** Ends {@link #run} from another thread (a shutdown hook, a test). */
  void stop() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close();
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
