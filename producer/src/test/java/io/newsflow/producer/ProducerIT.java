package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.RawArticle;
import io.newsflow.localstack.LocalStack;
import io.newsflow.producer.id.ArticleIds;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.registry.serde.AvroSerdeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The producer against a real broker and schema registry: what it reports is what the topic holds. */
class ProducerIT {

  private static final String RAW = "news.raw";
  private static final String LARGE = "news.raw.large";
  private static final String RESTART = "news.raw.restart";

  private static LocalStack stack;

  @TempDir
  Path temp;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStack.Config.forTests());
    stack.createTopics(Map.of(RAW, 3, LARGE, 1, RESTART, 3));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void goodFilesAreSentKeyedByIdAndTheBadFileIsReportedByName() throws IOException {
    Files.writeString(temp.resolve("a-portal.txt"), "IT IT일반\n\n반도체 공장 증설\n\n홍길동 기자\n\n예시일보\n\n"
        + "입력 2025.03.01 09:00\n\n수정 2025.03.01 09:00\n\n본문 첫 줄이다.\n");
    Files.writeString(temp.resolve("b-article.json"),
        "{\"title\": \"항만 크레인 전기화\", \"body\": \"항만공사는 크레인을 전기로 바꾼다.\","
            + " \"url\": \"https://example.org/cranes#top\", \"publishedAt\": \"2025-03-02T10:00:00+09:00\"}");
    Files.writeString(temp.resolve("c-feed.jsonl"),
        "{\"id\": \"wire-1\", \"title\": \"첫 속보\", \"body\": \"첫 본문\"}\n"
            + "{\"id\": \"wire-2\", \"title\": \"둘째 속보\", \"body\": \"둘째 본문\"}\n");
    Path bad = Files.writeString(temp.resolve("d-bad.json"), "{\"title\": oops}");
    String portalId = ArticleIds.contentId(Files.readString(temp.resolve("a-portal.txt")));

    ProducerConfig config = ProducerConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl());

    ProducerSummary summary = ProducerRun.sending(config).run(List.of(temp));

    assertThat(summary.filesRead()).isEqualTo(4);
    assertThat(summary.recordsRead()).isEqualTo(4);
    assertThat(summary.recordsSent()).isEqualTo(4);
    assertThat(summary.failures()).hasSize(1);
    assertThat(summary.failures().get(0).origin()).isEqualTo(bad.toString());
    assertThat(summary.failures().get(0).reason()).startsWith("Unrecognized token 'oops'");
    assertThat(summary.format())
        .startsWith("files: 4, records sent: 4, failures: 1\n  " + bad + ": Unrecognized token");

    List<ConsumerRecord<String, RawArticle>> records = consume(RAW, 4);
    assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(record.value().getId()));
    assertThat(records).extracting(record -> record.value().getId())
        .containsExactlyInAnyOrder(portalId, "https://example.org/cranes", "wire-1", "wire-2");
    assertThat(records).extracting(record -> record.value().getTitle())
        .containsExactlyInAnyOrder(null, "항만 크레인 전기화", "첫 속보", "둘째 속보");
    RawArticle portal = records.stream().map(ConsumerRecord::value)
        .filter(article -> article.getId().equals(portalId)).findFirst().orElseThrow();
    assertThat(portal.getContentType()).isEqualTo("text/plain");
    assertThat(portal.getBody()).startsWith("IT IT일반\n\n반도체 공장 증설");
    assertThat(portal.getAttributes()).containsEntry("source.format", "portal-text");
  }

  @Test
  void recordTooLargeForTheBrokerIsReportedAndTheOthersStillGo() throws IOException {
    Files.writeString(temp.resolve("huge.txt"), "경제\n\n" + "가".repeat(600_000));
    Path small = Files.writeString(temp.resolve("small.jsonl"), "{\"id\": \"small-1\", \"body\": \"작은 기사\"}\n");
    ProducerConfig config = ProducerConfig.builder()
        .bootstrapServers(stack.bootstrapServers())
        .schemaRegistryUrl(stack.schemaRegistryUrl())
        .topic(LARGE)
        .build();

    // Above the broker's limit but under the producer's own cap, so that the cluster is the one to refuse it.
    ProducerSummary summary = ProducerRun.sending(config)
        .withOptions(ProducerOptions.builder().maxItemBytes(4 * 1024 * 1024).build())
        .run(List.of(temp));

    assertThat(summary.filesRead()).isEqualTo(2);
    assertThat(summary.recordsSent()).isEqualTo(1);
    assertThat(summary.failures()).hasSize(1);
    assertThat(summary.failures().get(0).origin()).isEqualTo(temp.resolve("huge.txt").toString());
    assertThat(summary.failures().get(0).reason()).startsWith("send failed: RecordTooLargeException");
    List<ConsumerRecord<String, RawArticle>> records = consume(LARGE, 1);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("small-1");
    assertThat(records.get(0).value().getAttributes()).containsEntry("source.path", small.toString());
  }

  @Test
  void followedDirectoryAndPolledFeedSendEachItemOnceAcrossARestart() throws Exception {
    Path news = Files.createDirectories(temp.resolve("news"));
    Path state = temp.resolve("state/producer-state.json");
    Files.writeString(news.resolve("wire.jsonl"), "{\"id\": \"w1\", \"body\": \"첫 속보\"}\n");
    try (FeedServer feeds = new FeedServer()) {
      feeds.serve("/rss.xml", rss("\"v1\"", FeedPollingTest.item("f1")));
      ProducerInputs inputs = new ProducerInputs(List.of(news), List.of(feeds.url("/rss.xml")), false);
      ProducerRun run = ProducerRun.sending(ProducerConfig.builder()
              .bootstrapServers(stack.bootstrapServers())
              .schemaRegistryUrl(stack.schemaRegistryUrl())
              .topic(RESTART)
              .build())
          .withOptions(ProducerOptions.builder()
              .follow(true)
              .scanInterval(Duration.ofMillis(100))
              .pollInterval(Duration.ofMillis(200))
              .stateFile(state)
              .build());

      RunningProducer first = run.start(inputs);
      await().atMost(Duration.ofSeconds(30)).until(() -> first.progress().recordsSent() == 2);
      Files.writeString(news.resolve("wire.jsonl"), "{\"id\": \"w2\", \"body\": \"둘째 속보\"}\n",
          StandardOpenOption.APPEND);
      await().atMost(Duration.ofSeconds(30)).until(() -> first.progress().recordsSent() == 3);
      ProducerSummary one = first.stopAndAwait();

      // While it is down: a new file, and a feed item alongside the one already sent.
      Files.writeString(news.resolve("late.json"), "{\"id\": \"late\", \"body\": \"늦은 기사\"}");
      feeds.serve("/rss.xml", rss("\"v2\"", FeedPollingTest.item("f2") + FeedPollingTest.item("f1")));
      RunningProducer second = run.start(inputs);
      await().atMost(Duration.ofSeconds(30)).until(() -> second.progress().recordsSent() == 2
          && second.progress().feedsNotModified() >= 1);
      ProducerSummary two = second.stopAndAwait();

      assertThat(one.recordsSent()).isEqualTo(3);
      assertThat(one.failures()).isEmpty();
      assertThat(two.recordsSent()).isEqualTo(2);
      assertThat(two.recordsSkipped()).isEqualTo(1);
      assertThat(two.failures()).isEmpty();
      List<ConsumerRecord<String, RawArticle>> records = consume(RESTART, 5);
      assertThat(records).extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("w1", "w2", "guid-f1", "late", "guid-f2");
    }
  }

  private static FeedServer.Document rss(String etag, String items) {
    return new FeedServer.Document(200, "application/rss+xml",
        FeedPollingTest.rss("w", items).getBytes(StandardCharsets.UTF_8), etag);
  }

  private static List<ConsumerRecord<String, RawArticle>> consume(String topic, int expected) {
    AvroDeserializer<RawArticle> values = new AvroDeserializer<>(RawArticle.class);
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    Map<String, Object> properties = Map.of(
        "bootstrap.servers", stack.bootstrapServers(),
        "enable.auto.commit", false);
    List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
    try (KafkaConsumer<String, RawArticle> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await("all " + expected + " records on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= expected;
      });
      // Anything beyond the expected records would be a duplicate send.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    assertThat(records).hasSize(expected);
    return records;
  }
}
