package io.newsflow.streams;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.KeywordModel;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.serde.AvroSerde;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs the production topology ({@link NewsflowTopology#build}) in a {@link TopologyTestDriver} with its own
 * in-memory schema registry scope, and gives tests typed handles on news.raw and the four output topics.
 *
 * <p>The driver runs the whole topology as one task, so stream time is the largest record timestamp seen on
 * any topic. {@link #send(RawArticle)} therefore stamps a raw record with the article's own event time: that
 * keeps the stream time the trend stage sees equal to what its own task would see in production.
 */
public final class TopologyHarness implements AutoCloseable {

  /** The driver's wall clock at start: after every event time the tests use, so none counts as future. */
  public static final Instant WALL_CLOCK_START = Instant.parse("2025-03-01T00:00:00Z");

  public static final String APPLICATION_ID = "newsflow-test";

  private final TopologyTestDriver driver;
  private final String registryUrl;
  private final TestInputTopic<String, RawArticle> raw;
  private final TestInputTopic<byte[], byte[]> rawBytes;
  private final TestOutputTopic<String, Article> articles;
  private final TestOutputTopic<String, DuplicateNotice> duplicates;
  private final TestOutputTopic<String, TrendSnapshot> trends;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private final TestOutputTopic<String, KeywordModel> keywordModels;
  private final TestInputTopic<String, String> keywordDecisions;
  private final TestInputTopic<String, byte[]> keywordModelBytes;
  private final Serializer<RawArticle> rawSerializer;

  private TopologyHarness(Path stateDir, Map<String, String> settings) {
    this.registryUrl = "mock://newsflow-topology-" + UUID.randomUUID();
    Map<String, Object> serdeConfig = Map.of("schema.registry.url", registryUrl);
    StreamsSettings streamsSettings = StreamsSettings.from(settings);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "driver.invalid:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    this.driver = new TopologyTestDriver(
        NewsflowTopology.build(streamsSettings, new Topics(streamsSettings.topics(), serdeConfig)),
        props, WALL_CLOCK_START);

    this.rawSerializer = avro(RawArticle.class).serializer();
    this.raw = driver.createInputTopic(TopicNames.RAW, new StringSerializer(), rawSerializer);
    this.rawBytes = driver.createInputTopic(TopicNames.RAW, new ByteArraySerializer(), new ByteArraySerializer());
    StringDeserializer keys = new StringDeserializer();
    this.articles = driver.createOutputTopic(TopicNames.ARTICLES, keys, avro(Article.class).deserializer());
    this.duplicates =
        driver.createOutputTopic(TopicNames.DUPLICATES, keys, avro(DuplicateNotice.class).deserializer());
    this.trends = driver.createOutputTopic(TopicNames.TRENDS, keys, avro(TrendSnapshot.class).deserializer());
    this.deadLetters =
        driver.createOutputTopic(TopicNames.DEAD_LETTERS, keys, avro(DeadLetter.class).deserializer());
    this.keywordModels =
        driver.createOutputTopic(TopicNames.KEYWORD_MODEL, keys, avro(KeywordModel.class).deserializer());
    this.keywordModelBytes =
        driver.createInputTopic(TopicNames.KEYWORD_MODEL, new StringSerializer(), new ByteArraySerializer());
    this.keywordDecisions =
        driver.createInputTopic(TopicNames.KEYWORD_DECISIONS, new StringSerializer(), new StringSerializer());
  }

  /** The topology with default settings. */
  public static TopologyHarness start(Path stateDir) {
    return start(stateDir, Map.of());
  }

  /** The topology with {@code newsflow.*} settings over the defaults. */
  public static TopologyHarness start(Path stateDir, Map<String, String> settings) {
    return new TopologyHarness(stateDir, new HashMap<>(settings));
  }

  /** Sends an article to news.raw keyed by its id, stamped with its publication (else fetch) time. */
  public void send(RawArticle article) {
    Instant eventTime = article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
    send(article, eventTime);
  }

  /** Sends an article to news.raw keyed by its id, with the given record timestamp. */
  public void send(RawArticle article, Instant recordTime) {
    raw.pipeInput(article.getId(), article, recordTime);
  }

  /** Sends arbitrary bytes to news.raw, as a producer that ignores the contract would. */
  public void sendBytes(byte[] key, byte[] value, Instant recordTime) {
    rawBytes.pipeInput(key, value, recordTime);
  }

  /** The bytes a contract-abiding producer writes for {@code article}: Confluent wire format. */
  public byte[] wireBytes(RawArticle article) {
    return rawSerializer.serialize(TopicNames.RAW, article);
  }

  /** Moves the wall clock on, which fires the trend stage's emit punctuation. */
  public void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  public TestOutputTopic<String, Article> articles() {
    return articles;
  }

  public TestOutputTopic<String, DuplicateNotice> duplicates() {
    return duplicates;
  }

  public TestOutputTopic<String, TrendSnapshot> trends() {
    return trends;
  }

  public TestOutputTopic<String, DeadLetter> deadLetters() {
    return deadLetters;
  }

  /** The versions of the learned keyword model the learner published. */
  public TestOutputTopic<String, KeywordModel> keywordModels() {
    return keywordModels;
  }

  /** Writes arbitrary bytes to news.keyword-model under {@code key}, as a foreign producer could. */
  public void sendKeywordModelBytes(String key, byte[] value) {
    keywordModelBytes.pipeInput(key, value);
  }

  /** An operator's decision on a learned noun ("keep", "drop"; null takes it back), as keyword-candidates sends. */
  public void decide(String word, String decision) {
    keywordDecisions.pipeInput(word, decision);
  }

  private <T extends SpecificRecord> AvroSerde<T> avro(Class<T> type) {
    AvroSerde<T> serde = new AvroSerde<>(type);
    serde.configure(Map.of("schema.registry.url", registryUrl), false);
    return serde;
  }

  @Override
  public void close() {
    driver.close();
  }
}
