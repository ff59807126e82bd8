package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.localstack.LocalStack;
import io.newsflow.producer.ProducerConfig;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.producer.id.ArticleIds;
import io.newsflow.streams.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker and registry: the producer reads a directory into news.raw (three
 * partitions) and the streams app turns it into articles, duplicate notices and trend snapshots.
 */
class PipelineIT {

  private static final String SEED_WINDOW = "2025-02-24T08:00:00Z";
  private static final String KO_ID = "ko-deepseek-chips";
  private static final String KO_COPY_ID = "ko-deepseek-chips-newsletter";
  private static final String EN_ID = "en-zephyra-harbour";
  private static final String KO_URL = "https://news.example.kr/it/deepseek-chips";

  /**
   * Three articles of the seed's window, the duplicate last. The duplicate's id hashes to the same news.raw
   * partition as its original (checked below), so it is read after it and the verdict is deterministic.
   */
  private static final String ARTICLES_JSON = """
      [
        {"id": "%s", "url": "%s", "publishedAt": "2025-02-24T08:30:00Z",
         "title": "딥시크 충격에 반도체 업계 긴장",
         "body": "중국 스타트업 딥시크가 저비용 모델을 공개했다. 딥시크 모델이 나오자 반도체 업계가 긴장하고 있다."},
        {"id": "%s", "url": "https://news.example.com/world/zephyra-harbour", "publishedAt": "2025-02-24T08:40:00Z",
         "title": "Zephyra opens a harbour office in Valdmoor",
         "body": "Zephyra opened its harbour office in Valdmoor on Monday. It is the first office of Zephyra abroad."},
        {"id": "%s", "url": "%s?utm_source=newsletter&utm_medium=email", "publishedAt": "2025-02-24T08:45:00Z",
         "title": "[뉴스레터] 딥시크 충격",
         "body": "뉴스레터 판: 딥시크가 공개한 모델에 업계가 긴장하고 있다는 소식이다."}
      ]
      """.formatted(KO_ID, KO_URL, EN_ID, KO_COPY_ID, KO_URL);

  private static LocalStack stack;

  @TempDir
  Path stateDir;

  @TempDir
  Path inputs;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStack.Config.forTests());
    stack.createTopics(Map.of(TopicNames.RAW, 3));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void producedDirectoryBecomesTrendsDuplicatesAndUniqueArticles() throws Exception {
    assertThat(partitionOf(KO_COPY_ID)).as("the copy must share its original's news.raw partition")
        .isEqualTo(partitionOf(KO_ID));
    String seedText = RawArticles.seedText();
    Files.writeString(inputs.resolve("000_seed.txt"), seedText, StandardCharsets.UTF_8);
    Files.writeString(inputs.resolve("010_articles.json"), ARTICLES_JSON, StandardCharsets.UTF_8);
    String seedId = ArticleIds.contentId(seedText);
    Instant testStart = Instant.now().minusSeconds(1);

    try (StreamsApp app = StreamsApp.start(Map.of(
            "bootstrap.servers", stack.bootstrapServers(),
            "schema.registry.url", stack.schemaRegistryUrl(),
            "state.dir", stateDir.toString(),
            "commit.interval.ms", "100",
            "newsflow.trends.emit-interval", "PT0.2S",
            "newsflow.http.port", "0"));
        CommittedTopicReader<TrendSnapshot> trends = reader(TopicNames.TRENDS, TrendSnapshot.class);
        CommittedTopicReader<DuplicateNotice> duplicates = reader(TopicNames.DUPLICATES, DuplicateNotice.class);
        CommittedTopicReader<Article> articles = reader(TopicNames.ARTICLES, Article.class)) {

      ProducerSummary summary = ProducerRun.sending(
          ProducerConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl())).run(List.of(inputs));
      assertThat(summary.failures()).isEmpty();
      assertThat(summary.recordsSent()).isEqualTo(4);

      await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
          .until(() -> deepSeekCounts(trends.poll()).contains(2L));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
          .until(() -> articles.poll().size() >= 3 && !duplicates.poll().isEmpty());

      TrendSnapshot latest = trends.records().stream()
          .filter(PipelineIT::isSeedHour)
          .reduce((first, second) -> second).orElseThrow();
      assertThat(latest.getWindowEnd()).isEqualTo(Instant.parse("2025-02-24T09:00:00Z"));
      assertThat(latest.getFinal$()).isFalse();
      assertThat(latest.getEntries()).filteredOn(e -> e.getKeyword().equals("딥시크"))
          .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount).containsExactly(tuple("딥시크", 2L));
      assertThat(deepSeekCounts(trends.records())).doesNotContain(3L);
      assertThat(duplicates.records()).extracting(DuplicateNotice::getId, DuplicateNotice::getDuplicateOf,
          DuplicateNotice::getKind).containsExactly(tuple(KO_COPY_ID, KO_ID, DuplicateKind.EXACT_URL));
      assertThat(articles.records()).extracting(Article::getId)
          .containsExactlyInAnyOrder(seedId, KO_ID, EN_ID);
      // Stamped by the broker, not with the 2025 event time that retention would delete at once.
      assertThat(articles.timestamps()).allSatisfy(t -> assertThat(t).isAfter(testStart));
      assertThat(duplicates.timestamps()).allSatisfy(t -> assertThat(t).isAfter(testStart));
      assertThat(articles.records()).filteredOn(a -> a.getId().equals(seedId)).singleElement()
          .satisfies(seed -> {
            assertThat(seed.getPublishedAt()).isEqualTo(Instant.parse("2025-02-24T08:04:00Z"));
            assertThat(seed.getKeywords()).contains("딥시크", "바이트댄스", "알리바바");
          });
    }
  }

  /** The one-hour window of the seed (the 5-minute window from 08:00 starts at the same time). */
  private static boolean isSeedHour(TrendSnapshot snapshot) {
    return snapshot.getWindowStart().equals(Instant.parse(SEED_WINDOW)) && "PT1H".equals(snapshot.getWindowSize());
  }

  /** The counts of 딥시크 in the seed window's snapshots, in the order they were published. */
  private static List<Long> deepSeekCounts(List<TrendSnapshot> snapshots) {
    return snapshots.stream()
        .filter(PipelineIT::isSeedHour)
        .flatMap(s -> s.getEntries().stream())
        .filter(e -> e.getKeyword().equals("딥시크"))
        .map(TrendEntry::getArticleCount)
        .toList();
  }

  /** The producer's partition for a key: Kafka's default partitioner hashes keys with murmur2. */
  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
  }

  private static <T extends SpecificRecord> CommittedTopicReader<T> reader(String topic, Class<T> type) {
    return new CommittedTopicReader<>(stack.bootstrapServers(), stack.schemaRegistryUrl(), topic, type);
  }
}
