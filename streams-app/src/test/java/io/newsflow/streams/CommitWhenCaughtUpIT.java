package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.localstack.LocalStack;
import io.newsflow.registry.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream thread that has caught up with its input commits at once ({@code support.EagerCommit}), not at the
 * next commit interval. The commit interval here is five minutes: an article still needs three commits to reach
 * news.articles and a fourth to reach news.trends, so only commits made without waiting for the interval bring
 * it out within the test's minute, and with the feature off nothing comes out.
 */
class CommitWhenCaughtUpIT {

  private static final String FIVE_MINUTES = "300000";
  /** Kafka Streams refuses a commit interval longer than the transaction timeout (the app's is 10 s). */
  private static final String TEN_MINUTES = "600000";

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
  void caughtUpThreadsCommitWithoutWaitingForTheInterval() {
    Map<String, String> config = config("on", true);
    Instant published = Instant.parse("2025-02-24T08:30:00Z");
    try (StreamsApp app = StreamsApp.start(config);
        CommittedTopicReader<Article> articles = reader(config.get("newsflow.topic.articles"), Article.class);
        CommittedTopicReader<TrendSnapshot> trends =
            reader(config.get("newsflow.topic.trends"), TrendSnapshot.class)) {
      send(config.get("newsflow.topic.raw"), List.of(
          RawArticles.json("caught-up-1", "https://news.example.kr/a/1", "딥시크 충격에 반도체 업계 긴장",
              "중국 스타트업 딥시크가 저비용 모델을 공개했다. 딥시크 모델이 나오자 반도체 업계가 긴장하고 있다.", published),
          RawArticles.json("caught-up-2", "https://news.example.com/b/2", "Zephyra opens a harbour office",
              "Zephyra opened its harbour office in Valdmoor on Monday. It is the first office of Zephyra abroad.",
              published.plusSeconds(60))));

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> articles.poll().size() >= 2);
      assertThat(articles.records()).extracting(Article::getId)
          .containsExactlyInAnyOrder("caught-up-1", "caught-up-2");
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> trends.poll().stream().flatMap(s -> s.getEntries().stream())
              .anyMatch(e -> e.getKeyword().equals("딥시크") && e.getArticleCount() == 1));
    }
  }

  @Test
  void withTheFeatureOffNothingIsVisibleBeforeTheInterval() {
    Map<String, String> config = config("off", false);
    try (StreamsApp app = StreamsApp.start(config);
        CommittedTopicReader<Article> articles = reader(config.get("newsflow.topic.articles"), Article.class)) {
      send(config.get("newsflow.topic.raw"), List.of(RawArticles.json("interval-1", "https://news.example.kr/c/3",
          "딥시크 충격", "중국 스타트업 딥시크가 저비용 모델을 공개했다.", Instant.parse("2025-02-24T08:30:00Z"))));
      await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
          .until(() -> articles.poll().isEmpty());
    }
  }

  /** A configuration with topics of its own, so the two tests' apps never see each other's records. */
  private Map<String, String> config(String name, boolean eager) {
    String prefix = "eager-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Map<String, String> config = new HashMap<>(Map.of(
        "bootstrap.servers", stack.bootstrapServers(),
        "schema.registry.url", stack.schemaRegistryUrl(),
        "application.id", prefix + "app",
        "state.dir", stateDir.toString(),
        "commit.interval.ms", FIVE_MINUTES,
        "producer.transaction.timeout.ms", TEN_MINUTES,
        "newsflow.trends.emit-interval", "PT0.2S",
        "newsflow.http.port", "0",
        "newsflow.commit.when-caught-up", Boolean.toString(eager)));
    for (String topic : List.of("raw", "articles", "duplicates", "trends", "dlq", "keyword-model",
        "keyword-decisions")) {
      config.put("newsflow.topic." + topic, prefix + topic);
    }
    return config;
  }

  private static void send(String topic, List<RawArticle> articles) {
    AvroSerializer<RawArticle> values = new AvroSerializer<>();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), values)) {
      for (RawArticle article : articles) {
        producer.send(new ProducerRecord<>(topic, article.getId(), article)).get();
      }
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }

  private static <T extends SpecificRecord> CommittedTopicReader<T> reader(String topic, Class<T> type) {
    return new CommittedTopicReader<>(stack.bootstrapServers(), stack.schemaRegistryUrl(), topic, type);
  }
}
