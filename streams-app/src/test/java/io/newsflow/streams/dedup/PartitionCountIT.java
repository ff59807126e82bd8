package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.localstack.LocalStack;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.registry.serde.AvroSerde;
import io.newsflow.streams.StreamsApp;
import io.newsflow.streams.normalize.ArticleNormalizer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same articles, produced in a different shuffled order, through the real app on a news.raw of 1 and of 6
 * partitions (one broker, two sets of topics, two application ids): the final duplicate notices (the last per
 * id, as a compacted news.duplicates keeps them) and the final trend counts are identical, and equal to what
 * the offline engine computes for the same articles.
 */
class PartitionCountIT {

  private static LocalStack stack;

  @TempDir
  Path stateDir;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStack.Config.forTests());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void oneAndSixPartitionsGiveTheSameDuplicatesAndTheSameCounts() {
    List<RawArticle> input = new ArrayList<>(DedupFixtures.articles());
    input.add(DedupFixtures.revision());
    Map<String, Verdict> expected = offlineVerdicts(input);
    assertThat(expected.values()).extracting(Verdict::kind).contains(DuplicateKind.EXACT_CONTENT,
        DuplicateKind.NEAR, DuplicateKind.REVISION);

    Run one = run("p1", 1, input, new Random(1), expected, null);
    Run six = run("p6", 6, input, new Random(6), expected, one.counts());

    assertThat(six.notices()).isEqualTo(one.notices()).isEqualTo(expected);
    assertThat(six.counts()).isEqualTo(one.counts());
    // Five copies and a revision of two stories, yet each story counts once.
    assertThat(one.counts().get(DedupFixtures.T0)).containsEntry("한빛전자", 1L).containsEntry("Northwind", 1L);
  }

  /** What a final notice says, without its detection time. */
  record Verdict(String duplicateOf, DuplicateKind kind, Integer distance) {
  }

  /** The final notices by id and the final count of every keyword per window. */
  record Run(Map<String, Verdict> notices, Map<Instant, Map<String, Long>> counts) {
  }

  private Run run(String name, int partitions, List<RawArticle> input, Random random,
      Map<String, Verdict> expectedNotices, Map<Instant, Map<String, Long>> expectedCounts) {
    String raw = name + ".news.raw";
    stack.createTopics(Map.of(raw, partitions));
    Map<String, String> config = new HashMap<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(),
        "schema.registry.url", stack.schemaRegistryUrl(),
        "application.id", "newsflow-" + name,
        "state.dir", stateDir.resolve(name).toString(),
        "commit.interval.ms", "100",
        "newsflow.topic.partitions", Integer.toString(partitions),
        "newsflow.trends.emit-interval", "PT0.2S",
        "newsflow.trends.grace", "P1D",
        "newsflow.trends.top-n", "500",
        "newsflow.http.port", "0"));
    config.putAll(Map.of(
        "newsflow.topic.raw", raw,
        "newsflow.topic.articles", name + ".news.articles",
        "newsflow.topic.duplicates", name + ".news.duplicates",
        "newsflow.topic.trends", name + ".news.trends",
        "newsflow.topic.dlq", name + ".news.dlq"));
    // One window size: counts are compared per window start.
    config.put("newsflow.trends.windows", "PT1H");
    List<RawArticle> shuffled = new ArrayList<>(input);
    Collections.shuffle(shuffled, random);
    try (StreamsApp app = StreamsApp.start(config);
        Reader<DuplicateNotice> duplicates = new Reader<>(name + ".news.duplicates", DuplicateNotice.class);
        Reader<TrendSnapshot> trends = new Reader<>(name + ".news.trends", TrendSnapshot.class)) {
      produce(raw, shuffled);
      Map<String, Verdict> notices = new TreeMap<>();
      Map<Instant, Map<String, Long>> counts = new TreeMap<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
        duplicates.poll().forEach(n -> notices.put(n.getId(),
            new Verdict(n.getDuplicateOf(), n.getKind(), n.getDistance())));
        return notices.equals(expectedNotices);
      });
      if (expectedCounts != null) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
          trends.poll().forEach(s -> counts.put(s.getWindowStart(), countsOf(s)));
          return counts.equals(expectedCounts);
        });
      } else {
        // No reference yet: wait until the counts have stopped changing for two seconds.
        AtomicInteger seen = new AtomicInteger(-1);
        AtomicLong quietSince = new AtomicLong(System.currentTimeMillis());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
          List<TrendSnapshot> polled = trends.poll();
          polled.forEach(s -> counts.put(s.getWindowStart(), countsOf(s)));
          if (!polled.isEmpty() || seen.get() < 0) {
            seen.set(polled.size());
            quietSince.set(System.currentTimeMillis());
          }
          return !counts.isEmpty() && System.currentTimeMillis() - quietSince.get() >= 2000;
        });
      }
      return new Run(notices, counts);
    }
  }

  private static Map<String, Long> countsOf(TrendSnapshot snapshot) {
    Map<String, Long> counts = new TreeMap<>();
    snapshot.getEntries().forEach(e -> counts.put(e.getKeyword(), e.getArticleCount()));
    return counts;
  }

  private static Map<String, Verdict> offlineVerdicts(List<RawArticle> input) {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    OfflineDedup dedup = new OfflineDedup(NearRules.DEFAULTS, java.time.Duration.ofDays(7));
    for (RawArticle raw : input) {
      Article article = normalizer.normalize(raw);
      dedup.add(article, article.getPublishedAt().toEpochMilli());
    }
    Map<String, Verdict> verdicts = new TreeMap<>();
    dedup.run().duplicates().forEach(d -> verdicts.put(d.id(), new Verdict(d.duplicateOf(), d.kind(), d.distance())));
    return verdicts;
  }

  private static void produce(String topic, List<RawArticle> articles) {
    AvroSerde<RawArticle> values = new AvroSerde<>(RawArticle.class);
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), values.serializer())) {
      articles.forEach(a -> producer.send(new ProducerRecord<>(topic, a.getId(), a)));
      producer.flush();
    }
  }

  /** Reads a topic from the beginning, committed records only. */
  private static final class Reader<T extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;

    Reader(String topic, Class<T> type) {
      AvroDeserializer<T> values = new AvroDeserializer<>(type);
      values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "partition-it-" + UUID.randomUUID(),
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
      List<TopicPartition> partitions = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        partitions.clear();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        return !partitions.isEmpty();
      });
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    List<T> poll() {
      List<T> values = new ArrayList<>();
      consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
      return values;
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
