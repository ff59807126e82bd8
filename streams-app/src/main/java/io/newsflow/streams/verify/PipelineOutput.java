package io.newsflow.streams.verify;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.KeywordModel;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.streams.keywords.Keywords;
import io.newsflow.streams.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the pipeline has published, as a downstream consumer sees it (read_committed, every partition,
 * no consumer group): the last notice per id on news.duplicates and the last snapshot per window on
 * news.trends, whose entries' counts are what the oracle is compared with.
 */
public final class PipelineOutput {

  private static final Duration POLL = Duration.ofMillis(200);

  private PipelineOutput() {
  }

  /**
   * Reads both topics to their ends.
   *
   * @param clientConfig Kafka client settings ({@code bootstrap.servers}, security ...); the consumer takes its own
   *     among them ({@link KafkaClientSettings#consumer}), so a whole configuration may be given
   * @param serdeConfig the Avro serde's settings ({@code schema.registry.url} ...)
   */
  public static PipelineResult read(Map<String, ?> clientConfig, Map<String, ?> serdeConfig, TopicNames topics,
      Duration timeout) {
    Map<String, PipelineResult.Notice> notices = new TreeMap<>();
    try (AvroDeserializer<DuplicateNotice> values = new AvroDeserializer<>(DuplicateNotice.class)) {
      values.configure(serdeConfig, false);
      readAll(clientConfig, topics.duplicates(), timeout, (key, bytes) -> {
        DuplicateNotice notice = values.deserialize(topics.duplicates(), bytes);
        if (notice == null) {
          notices.remove(key);
        } else {
          notices.put(notice.getId(), new PipelineResult.Notice(notice.getDuplicateOf(), notice.getKind(),
              notice.getDistance()));
        }
      });
    }
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    try (AvroDeserializer<TrendSnapshot> values = new AvroDeserializer<>(TrendSnapshot.class)) {
      values.configure(serdeConfig, false);
      readAll(clientConfig, topics.trends(), timeout, (key, bytes) -> {
        TrendSnapshot snapshot = values.deserialize(topics.trends(), bytes);
        Map<String, Long> entries = new HashMap<>();
        for (TrendEntry entry : snapshot.getEntries()) {
          entries.put(Keywords.key(entry.getKeyword()), entry.getArticleCount());
        }
        counts.put(key, entries);
      });
    }
    return new PipelineResult(notices, counts);
  }

  /**
   * Which keyword model version each article on news.articles was extracted with, and the versions on
   * news.keyword-model: what the oracle replays the keywords stage with.
   */
  public static ModelHistory readModels(Map<String, ?> clientConfig, Map<String, ?> serdeConfig,
      TopicNames topics, Duration timeout) {
    Map<String, Long> versionOf = new HashMap<>();
    try (AvroDeserializer<Article> values = new AvroDeserializer<>(Article.class)) {
      values.configure(serdeConfig, false);
      readAll(clientConfig, topics.articles(), timeout, (key, bytes) -> {
        Article article = values.deserialize(topics.articles(), bytes);
        if (article == null) {
          versionOf.remove(key);
        } else if (article.getKeywordModel() == null) {
          versionOf.remove(article.getId());
        } else {
          versionOf.put(article.getId(), article.getKeywordModel());
        }
      });
    }
    Map<Long, KeywordModel> models = readKeywordModels(clientConfig, serdeConfig, topics, timeout);
    return new ModelHistory(versionOf, models);
  }

  /** The versions on news.keyword-model, by version. */
  public static Map<Long, KeywordModel> readKeywordModels(Map<String, ?> clientConfig,
      Map<String, ?> serdeConfig, TopicNames topics, Duration timeout) {
    Map<Long, KeywordModel> models = new TreeMap<>();
    try (AvroDeserializer<KeywordModel> values = new AvroDeserializer<>(KeywordModel.class)) {
      values.configure(serdeConfig, false);
      readAll(clientConfig, topics.keywordModel(), timeout, (key, bytes) -> {
        KeywordModel model = values.deserialize(topics.keywordModel(), bytes);
        if (model == null) {
          models.remove(Long.parseLong(key));
        } else {
          models.put(Long.parseLong(key), model);
        }
      });
    }
    return models;
  }

  /** The operators' decisions on news.keyword-decisions: word to "keep" or "drop". */
  public static Map<String, String> readKeywordDecisions(Map<String, ?> clientConfig, TopicNames topics,
      Duration timeout) {
    Map<String, String> decisions = new TreeMap<>();
    readAll(clientConfig, topics.keywordDecisions(), timeout, (key, bytes) -> {
      if (bytes == null) {
        decisions.remove(key);
      } else {
        decisions.put(key, new String(bytes, StandardCharsets.UTF_8));
      }
    });
    return decisions;
  }

  private static void readAll(Map<String, ?> clientConfig, String topic, Duration timeout,
      BiConsumer<String, byte[]> sink) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(consumerConfig(clientConfig), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          sink.accept(record.key(), record.value());
        }
      }
    }
  }

  /** The consumer settings of {@code clientConfig}, reading as a downstream consumer does and committing nothing. */
  static Map<String, Object> consumerConfig(Map<String, ?> clientConfig) {
    Map<String, Object> config = KafkaClientSettings.consumer(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return config;
  }
}
