package io.newsflow.streams.trends;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.serde.AvroSerde;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.support.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The trend stage alone in a {@link TopologyTestDriver}: {@link TrendChange}s in (stamped with their event time),
 * news.trends and news.dlq out. Lets a test build exact synthetic histories (dozens of articles with chosen
 * keywords) that the whole pipeline would reject as near duplicates of each other.
 */
final class TrendsDriver implements AutoCloseable {

  static final Instant WALL_CLOCK_START = Instant.parse("2025-03-01T00:00:00Z");
  static final String CHANGES = "trend-changes";
  static final String TRENDS = "news.trends";
  static final String DLQ = "news.dlq";

  private final TopologyTestDriver driver;
  private final String registryUrl = "mock://trends-driver-" + UUID.randomUUID();
  private final TestInputTopic<String, TrendChange> changes;
  private final TestOutputTopic<String, TrendSnapshot> trends;
  private final TestOutputTopic<String, byte[]> trendBytes;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private int nextArticle;

  TrendsDriver(Path stateDir, Map<String, String> settings) {
    TrendSettings trendSettings = StreamsSettings.from(new HashMap<>(settings)).trends();
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Outcome<TrendSnapshot>> out = builder
        .stream(CHANGES, Consumed.with(Serdes.String(), TrendSerdes.changes()))
        .process(TrendsProcessor.supplier(trendSettings), Named.as(TrendsProcessor.NAME));
    out.filter((k, o) -> !o.isFailed()).mapValues(Outcome::value)
        .to(TRENDS, Produced.with(Serdes.String(), avro(TrendSnapshot.class)));
    out.filter((k, o) -> o.isFailed()).mapValues(Outcome::deadLetter)
        .to(DLQ, Produced.with(Serdes.String(), avro(DeadLetter.class)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trends-driver");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "driver.invalid:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props, WALL_CLOCK_START);
    changes = driver.createInputTopic(CHANGES, new StringSerializer(),
        TrendSerdes.changes().serializer());
    StringDeserializer keys = new StringDeserializer();
    trends = driver.createOutputTopic(TRENDS, keys, avro(TrendSnapshot.class).deserializer());
    trendBytes = driver.createOutputTopic(TRENDS, keys, new ByteArrayDeserializer());
    deadLetters = driver.createOutputTopic(DLQ, keys, avro(DeadLetter.class).deserializer());
  }

  /** Counts an article with these ranked keywords at {@code eventTime}; returns its id. */
  String article(Instant eventTime, String... keywords) {
    String id = "a" + (++nextArticle);
    count(id, eventTime, keywords);
    return id;
  }

  void count(String id, Instant eventTime, String... keywords) {
    changes.pipeInput("trends", TrendChange.count(id, id, List.of(keywords)), eventTime);
  }

  /** {@code n} articles at {@code eventTime}, each with these keywords. */
  void articles(int n, Instant eventTime, String... keywords) {
    for (int i = 0; i < n; i++) {
      article(eventTime, keywords);
    }
  }

  void withdraw(String id, Instant eventTime) {
    changes.pipeInput("trends", TrendChange.withdrawal(id), eventTime);
  }

  void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  TestOutputTopic<String, TrendSnapshot> trends() {
    return trends;
  }

  /** The same records as {@link #trends()}, undecoded: what any consumer reads off news.trends. */
  TestOutputTopic<String, byte[]> trendBytes() {
    return trendBytes;
  }

  TestOutputTopic<String, DeadLetter> deadLetters() {
    return deadLetters;
  }

  String registryUrl() {
    return registryUrl;
  }

  /** Every snapshot published so far, by key, the latest of each. */
  Map<String, TrendSnapshot> latest() {
    Map<String, TrendSnapshot> latest = new java.util.LinkedHashMap<>();
    for (KeyValue<String, TrendSnapshot> kv : trends.readKeyValuesToList()) {
      latest.put(kv.key, kv.value);
    }
    return latest;
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
