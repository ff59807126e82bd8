package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator API's stores, fed by the output topics in a TopologyTestDriver. */
class OperatorStoresTest {

  private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant EIGHT = Instant.parse("2025-02-24T08:00:00Z");

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private OperatorApi api;
  private TestInputTopic<String, Article> articles;
  private TestInputTopic<String, DuplicateNotice> duplicates;
  private TestInputTopic<String, DeadLetter> deadLetters;
  private TestInputTopic<String, TrendSnapshot> trends;
  private TestInputTopic<String, byte[]> rawTrends;

  @BeforeEach
  void start() {
    Topics topics = new Topics(TopicNames.defaults(),
        Map.of("schema.registry.url", "mock://operator-stores-" + UUID.randomUUID()));
    StreamsBuilder builder = new StreamsBuilder();
    api = OperatorApi.addStores(builder, topics, List.of(Duration.ofHours(1)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "operator-stores-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "driver.invalid:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props, START);
    StringSerializer keys = new StringSerializer();
    articles = driver.createInputTopic(TopicNames.ARTICLES, keys, topics.articles().valueSerde().serializer());
    duplicates = driver.createInputTopic(TopicNames.DUPLICATES, keys, topics.duplicates().valueSerde().serializer());
    deadLetters = driver.createInputTopic(TopicNames.DEAD_LETTERS, keys,
        topics.deadLetters().valueSerde().serializer());
    trends = driver.createInputTopic(TopicNames.TRENDS, keys, topics.trends().valueSerde().serializer());
    rawTrends = driver.createInputTopic(TopicNames.TRENDS, keys, new ByteArraySerializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void articleIsKeptByIdWithTheTimeItWasIndexed() {
    articles.pipeInput("a-1", article("a-1", "첫 기사", 0));

    ValueAndTimestamp<Article> stored = articleStore().get("a-1");
    assertThat(stored.value().getTitle()).isEqualTo("첫 기사");
    assertThat(stored.timestamp()).isEqualTo(START.toEpochMilli());
    assertThat(entries(indexStore())).containsExactly(KeyValue.pair(StoreKeys.indexed(START.toEpochMilli(), "a-1"),
        "a-1"));
  }

  @Test
  void revisionReplacesTheArticleAndItsIndexEntryAndCountsOnce() {
    articles.pipeInput("a-1", article("a-1", "first", 0));
    driver.advanceWallClockTime(Duration.ofSeconds(5));
    articles.pipeInput("a-1", article("a-1", "first, revised", 1));

    assertThat(articleStore().get("a-1").value().getRevision()).isEqualTo(1);
    assertThat(entries(indexStore())).containsExactly(
        KeyValue.pair(StoreKeys.indexed(START.plusSeconds(5).toEpochMilli(), "a-1"), "a-1"));
    assertThat(statsStore().get("unique")).isEqualTo(1L);
    assertThat(api.meterRegistry().scrape()).contains("newsflow_articles_unique_total 1.0");
  }

  @Test
  void articlesIndexedLongerAgoThanTheRetentionAreDropped() {
    articles.pipeInput("old", article("old", "old", 0));
    driver.advanceWallClockTime(Duration.ofDays(6));
    articles.pipeInput("new", article("new", "new", 0));
    driver.advanceWallClockTime(Duration.ofDays(1).plusMinutes(1));

    assertThat(articleStore().get("old")).isNull();
    assertThat(articleStore().get("new").value().getTitle()).isEqualTo("new");
    assertThat(entries(indexStore())).extracting(kv -> kv.value).containsExactly("new");
  }

  @Test
  void snapshotIsKeptByWindowSizeAndStartWhateverItsTopicKey() {
    trends.pipeInput("any-key", snapshot(EIGHT, Duration.ofHours(1), false, 3));
    trends.pipeInput("another-key", snapshot(EIGHT, Duration.ofHours(1), true, 4));
    trends.pipeInput("x", snapshot(EIGHT, Duration.ofMinutes(5), false, 1));

    List<KeyValue<String, TrendSnapshot>> stored = entries(snapshotStore());
    assertThat(stored).extracting(kv -> kv.key).containsExactly(
        StoreKeys.snapshot(Duration.ofMinutes(5), EIGHT), StoreKeys.snapshot(Duration.ofHours(1), EIGHT));
    TrendSnapshot hourly = snapshotStore().get(StoreKeys.snapshot(Duration.ofHours(1), EIGHT));
    assertThat(hourly.getFinal$()).isTrue();
    assertThat(hourly.getEntries()).extracting(TrendEntry::getArticleCount).containsExactly(4L);
  }

  @Test
  void historyForgetsWindowsMoreThanAWeekBeforeTheNewest() {
    Instant weekBefore = EIGHT.minus(Duration.ofDays(7));
    trends.pipeInput("a", snapshot(weekBefore.minus(Duration.ofHours(1)), Duration.ofHours(1), true, 1));
    trends.pipeInput("b", snapshot(weekBefore, Duration.ofHours(1), true, 1));
    trends.pipeInput("c", snapshot(EIGHT, Duration.ofHours(1), false, 1));

    assertThat(entries(snapshotStore())).extracting(kv -> kv.value.getWindowStart())
        .containsExactly(weekBefore, EIGHT);
  }

  @Test
  void outcomesAreCountedExactlyAndAsMetrics() {
    articles.pipeInput("a-1", article("a-1", "one", 0));
    articles.pipeInput("a-2", article("a-2", "two", 0));
    duplicates.pipeInput("d-1", duplicate("d-1", DuplicateKind.EXACT_URL));
    duplicates.pipeInput("d-2", duplicate("d-2", DuplicateKind.EXACT_URL));
    duplicates.pipeInput("d-3", duplicate("d-3", DuplicateKind.EXACT_CONTENT));
    deadLetters.pipeInput("x", deadLetter("normalize"));

    assertThat(entries(statsStore())).containsExactly(
        KeyValue.pair("deadLetter|normalize", 1L), KeyValue.pair("duplicate|EXACT_CONTENT", 1L),
        KeyValue.pair("duplicate|EXACT_URL", 2L), KeyValue.pair("unique", 2L));
    String metrics = api.meterRegistry().scrape();
    assertThat(metrics).contains("newsflow_articles_unique_total 2.0")
        .contains("newsflow_articles_duplicates_total{kind=\"EXACT_URL\"} 2.0")
        .contains("newsflow_articles_duplicates_total{kind=\"EXACT_CONTENT\"} 1.0")
        .contains("newsflow_dead_letters_total{stage=\"normalize\"} 1.0");
  }

  @Test
  void undecodableRecordIsSkippedAndCounted() {
    rawTrends.pipeInput("bad", new byte[] {0, 0, 0, 0, 42, 1, 2});
    trends.pipeInput("good", snapshot(EIGHT, Duration.ofHours(1), false, 2));

    assertThat(entries(snapshotStore())).hasSize(1);
    assertThat(api.meterRegistry().scrape())
        .contains("newsflow_api_undecodable_records_total{topic=\"news.trends\"} 1.0")
        .contains("newsflow_trend_snapshots_total{window=\"PT1H\"} 1.0");
  }

  private KeyValueStore<String, ValueAndTimestamp<Article>> articleStore() {
    return driver.getTimestampedKeyValueStore(OperatorApi.ARTICLES_STORE);
  }

  private KeyValueStore<String, String> indexStore() {
    return driver.getKeyValueStore(OperatorApi.INDEX_STORE);
  }

  private KeyValueStore<String, TrendSnapshot> snapshotStore() {
    return driver.getKeyValueStore(OperatorApi.SNAPSHOTS_STORE);
  }

  private KeyValueStore<String, Long> statsStore() {
    return driver.getKeyValueStore(OperatorApi.STATS_STORE);
  }

  private static <V> List<KeyValue<String, V>> entries(KeyValueStore<String, V> store) {
    List<KeyValue<String, V>> all = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  static Article article(String id, String title, int revision) {
    return Article.newBuilder()
        .setId(id)
        .setUrl("https://news.example.com/" + id)
        .setTitle(title)
        .setBody("body of " + id)
        .setLanguage("ko")
        .setPublisher("예시일보")
        .setAuthors(List.of())
        .setSection(null)
        .setPublishedAt(EIGHT)
        .setUpdatedAt(null)
        .setFetchedAt(EIGHT.plusSeconds(60))
        .setFingerprint("f-" + id)
        .setKeywords(List.of("딥시크"))
        .setRevision(revision)
        .build();
  }

  private static DuplicateNotice duplicate(String id, DuplicateKind kind) {
    return new DuplicateNotice(id, "original", kind, null, EIGHT);
  }

  private static DeadLetter deadLetter(String stage) {
    return DeadLetter.newBuilder().setStage(stage).setReason("test").setSourceTopic(TopicNames.RAW).setPartition(0)
        .setOffset(1).setKey(null).setValue(null).setTimestamp(EIGHT).build();
  }

  static TrendSnapshot snapshot(Instant start, Duration size, boolean isFinal, long count) {
    return TrendSnapshot.newBuilder().setWindowStart(start).setWindowEnd(start.plus(size)).setFinal$(isFinal)
        .setEntries(List.of(entry("딥시크", count, 1))).build();
  }

  /** Built field by field, so that fields added to the schema keep their defaults. */
  static TrendEntry entry(String keyword, long count, int rank) {
    return TrendEntry.newBuilder().setKeyword(keyword).setArticleCount(count).setRank(rank).build();
  }
}
