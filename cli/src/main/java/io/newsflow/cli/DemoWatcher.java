package io.newsflow.cli;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.streams.topics.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the pipeline's output topics for the demo and the benchmark: which input articles have come out (as
 * unique, duplicate or dead letter) and the latest trend snapshot of each window. Reads committed records
 * only, so what it shows is what the exactly-once pipeline has committed. A {@link Listener} hears each
 * article and snapshot as it is received, with the time of the poll that returned it.
 */
final class DemoWatcher implements AutoCloseable {

  /** Hears what the watcher receives; {@code receivedAtMillis} is the wall-clock time the poll returned. */
  interface Listener {

    /** A unique article appeared on news.articles. */
    default void article(String id, long receivedAtMillis) {
    }

    /** A duplicate notice for {@code id} appeared on news.duplicates. */
    default void duplicate(String id, long receivedAtMillis) {
    }

    /** A dead letter appeared on news.dlq; {@code key} is its record key (the article id), or null. */
    default void deadLetter(String key, long receivedAtMillis) {
    }

    /** A trend snapshot appeared on news.trends. */
    default void trends(TrendSnapshot snapshot, long receivedAtMillis) {
    }
  }

  private static final Listener NONE = new Listener() { };

  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicNames topics;
  private final AvroDeserializer<Article> articles = new AvroDeserializer<>(Article.class);
  private final AvroDeserializer<DuplicateNotice> duplicates = new AvroDeserializer<>(DuplicateNotice.class);
  private final AvroDeserializer<DeadLetter> deadLetters = new AvroDeserializer<>(DeadLetter.class);
  private final AvroDeserializer<TrendSnapshot> trends = new AvroDeserializer<>(TrendSnapshot.class);

  /** The window size the demo shows (news.trends carries every configured size). */
  static final Duration SHOWN_SIZE = Duration.ofHours(1);

  private final Set<String> seenIds = new HashSet<>();
  /** The latest snapshot of each window, by window size and start. */
  private final TreeMap<Duration, Map<Instant, TrendSnapshot>> latestBySize = new TreeMap<>();
  /** Ids seen on news.articles and on news.duplicates: an article counts by its final state, since dedup may
   *  publish a copy before its original arrives and then report it as a duplicate. */
  private final Set<String> articleIds = new java.util.LinkedHashSet<>();
  private final Set<String> duplicateIds = new java.util.LinkedHashSet<>();
  private int deadLetterCount;
  private long lastTrendAt;
  private final Listener listener;
  private final boolean printDeadLetters;

  /** A watcher of the cluster and registry of {@code config}, which also holds their clients' settings. */
  DemoWatcher(Map<String, String> config, TopicNames topics) {
    this(config, topics, NONE, true);
  }

  /**
   * A watcher that tells {@code listener} what it receives; {@code printDeadLetters} prints each dead letter's
   * stage and reason on stdout, as the demo does.
   */
  DemoWatcher(Map<String, String> config, TopicNames topics, Listener listener, boolean printDeadLetters) {
    this.topics = topics;
    this.listener = listener;
    this.printDeadLetters = printDeadLetters;
    Map<String, Object> serde = SchemaRegistryClients.clientSettings(config);
    List.of(articles, duplicates, deadLetters, trends).forEach(d -> d.configure(serde, false));
    consumer = new KafkaConsumer<>(consumerConfig(config), new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.articles(), topics.duplicates(), topics.deadLetters(), topics.trends()));
  }

  /** The consumer settings of {@code config}, in a group of its own that reads committed records from the start. */
  static Map<String, Object> consumerConfig(Map<String, String> config) {
    Map<String, Object> props = KafkaClientSettings.consumer(config);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-demo-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return props;
  }

  /** Waits until the consumer has its partitions, so that nothing produced from now on is received late. */
  void awaitAssignment(Duration timeout) {
    awaitAssignment(consumer, timeout, this::poll);
  }

  /** Polls {@code consumer} through {@code poll} until it has its partitions, at most {@code timeout}. */
  static void awaitAssignment(KafkaConsumer<?, ?> consumer, Duration timeout, Consumer<Duration> poll) {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (consumer.assignment().isEmpty()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the output topics were not assigned within " + timeout);
      }
      poll.accept(Duration.ofMillis(100));
    }
  }

  /** Reads what has arrived; returns whether any trend snapshot changed. */
  boolean poll(Duration timeout) {
    boolean trendsChanged = false;
    ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
    long now = System.currentTimeMillis();
    for (ConsumerRecord<String, byte[]> record : records) {
      String topic = record.topic();
      if (topic.equals(topics.articles())) {
        String id = articles.deserialize(topic, record.value()).getId();
        seenIds.add(id);
        articleIds.add(id);
        listener.article(id, now);
      } else if (topic.equals(topics.duplicates())) {
        String id = duplicates.deserialize(topic, record.value()).getId();
        seenIds.add(id);
        duplicateIds.add(id);
        listener.duplicate(id, now);
      } else if (topic.equals(topics.deadLetters())) {
        DeadLetter letter = deadLetters.deserialize(topic, record.value());
        if (record.key() != null) {
          seenIds.add(record.key());
        }
        deadLetterCount++;
        listener.deadLetter(record.key(), now);
        if (printDeadLetters) {
          System.out.printf("dead letter: stage=%s reason=%s%n", letter.getStage(), letter.getReason());
        }
      } else {
        TrendSnapshot snapshot = trends.deserialize(topic, record.value());
        latestBySize.computeIfAbsent(sizeOf(snapshot), size -> new TreeMap<>())
            .put(snapshot.getWindowStart(), snapshot);
        lastTrendAt = now;
        trendsChanged = true;
        listener.trends(snapshot, now);
      }
    }
    return trendsChanged;
  }

  /** Every expected id came out of the pipeline, and trends have been quiet for {@code quiet}. */
  boolean settled(Set<String> expectedIds, Duration quiet) {
    boolean trendsPublished = uniqueCount() == 0 || !latestBySize.isEmpty();
    return seenIds.containsAll(expectedIds) && trendsPublished
        && System.currentTimeMillis() - lastTrendAt >= quiet.toMillis();
  }

  /** The expected ids that have not come out yet. */
  Set<String> missing(Set<String> expectedIds) {
    Set<String> missing = new HashSet<>(expectedIds);
    missing.removeAll(seenIds);
    return missing;
  }

  /**
   * The latest snapshot of each window of the size the demo shows, by start: {@link #SHOWN_SIZE} when the
   * pipeline publishes it, else the largest size it publishes.
   */
  Map<Instant, TrendSnapshot> latestByWindow() {
    if (latestBySize.isEmpty()) {
      return Map.of();
    }
    Map<Instant, TrendSnapshot> shown = latestBySize.get(SHOWN_SIZE);
    return shown != null ? shown : latestBySize.lastEntry().getValue();
  }

  /** A snapshot's window size; a v1 snapshot has none, but its start and end tell it. */
  static Duration sizeOf(TrendSnapshot snapshot) {
    String size = snapshot.getWindowSize();
    return size != null ? Duration.parse(size) : Duration.between(snapshot.getWindowStart(), snapshot.getWindowEnd());
  }

  /** E.g. "articles: 5 unique, 2 duplicates, 0 dead letters". */
  String counters() {
    return String.format("articles: %d unique, %d duplicates, %d dead letters", uniqueCount(), duplicateCount(),
        deadLetterCount);
  }

  int uniqueCount() {
    return (int) articleIds.stream().filter(id -> !duplicateIds.contains(id)).count();
  }

  int duplicateCount() {
    return duplicateIds.size();
  }

  int deadLetterCount() {
    return deadLetterCount;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
