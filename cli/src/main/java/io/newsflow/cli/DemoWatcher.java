package io.newsflow.cli;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.registry.serde.AvroSerdeConfig;
import io.newsflow.streams.topics.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the pipeline's output topics for the demo: which input articles have come out (as unique, duplicate
 * or dead letter) and the latest trend snapshot of each window. Reads committed records only, so what it
 * shows is what the exactly-once pipeline has committed.
 */
final class DemoWatcher implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicNames topics;
  private final AvroDeserializer<Article> articles = new AvroDeserializer<>(Article.class);
  private final AvroDeserializer<DuplicateNotice> duplicates = new AvroDeserializer<>(DuplicateNotice.class);
  private final AvroDeserializer<DeadLetter> deadLetters = new AvroDeserializer<>(DeadLetter.class);
  private final AvroDeserializer<TrendSnapshot> trends = new AvroDeserializer<>(TrendSnapshot.class);

  private final Set<String> seenIds = new HashSet<>();
  private final Map<Instant, TrendSnapshot> latestByWindow = new TreeMap<>();
  private int uniqueCount;
  private int duplicateCount;
  private int deadLetterCount;
  private long lastTrendAt;

  DemoWatcher(String bootstrapServers, String registryUrl, TopicNames topics) {
    this.topics = topics;
    Map<String, String> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    List.of(articles, duplicates, deadLetters, trends).forEach(d -> d.configure(serde, false));
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-demo-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.articles(), topics.duplicates(), topics.deadLetters(), topics.trends()));
  }

  /** Reads what has arrived; returns whether any trend snapshot changed. */
  boolean poll(Duration timeout) {
    boolean trendsChanged = false;
    for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
      String topic = record.topic();
      if (topic.equals(topics.articles())) {
        seenIds.add(articles.deserialize(topic, record.value()).getId());
        uniqueCount++;
      } else if (topic.equals(topics.duplicates())) {
        seenIds.add(duplicates.deserialize(topic, record.value()).getId());
        duplicateCount++;
      } else if (topic.equals(topics.deadLetters())) {
        DeadLetter letter = deadLetters.deserialize(topic, record.value());
        if (record.key() != null) {
          seenIds.add(record.key());
        }
        deadLetterCount++;
        System.out.printf("dead letter: stage=%s reason=%s%n", letter.getStage(), letter.getReason());
      } else {
        TrendSnapshot snapshot = trends.deserialize(topic, record.value());
        latestByWindow.put(snapshot.getWindowStart(), snapshot);
        lastTrendAt = System.currentTimeMillis();
        trendsChanged = true;
      }
    }
    return trendsChanged;
  }

  /** Every expected id came out of the pipeline, and trends have been quiet for {@code quiet}. */
  boolean settled(Set<String> expectedIds, Duration quiet) {
    boolean trendsPublished = uniqueCount == 0 || !latestByWindow.isEmpty();
    return seenIds.containsAll(expectedIds) && trendsPublished
        && System.currentTimeMillis() - lastTrendAt >= quiet.toMillis();
  }

  Set<String> missing(Set<String> expectedIds) {
    Set<String> missing = new HashSet<>(expectedIds);
    missing.removeAll(seenIds);
    return missing;
  }

  Map<Instant, TrendSnapshot> latestByWindow() {
    return latestByWindow;
  }

  String counters() {
    return String.format("articles: %d unique, %d duplicates, %d dead letters", uniqueCount, duplicateCount,
        deadLetterCount);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
