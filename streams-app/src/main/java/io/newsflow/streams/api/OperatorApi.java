package io.newsflow.streams.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.topics.Topic;
import io.newsflow.streams.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The operator API's half of the topology: reads the pipeline's output topics into the state stores that the
 * REST endpoints query, and counts each stage's output for /metrics. Add it to the builder that holds the
 * pipeline, then serve it with {@link ApiServer#start}:
 *
 * <pre>
 * StreamsBuilder builder = new StreamsBuilder();
 * NewsflowTopology.addTo(builder, settings, topics);
 * OperatorApi api = OperatorApi.addStores(builder, topics, List.of(settings.trendWindow()));
 * </pre>
 */
public final class OperatorApi {

  /** news.articles by id; the value's timestamp is when this app indexed it. */
  public static final String ARTICLES_STORE = "api-articles";
  /** Article ids by the time they were indexed, for the recent list and expiry. */
  public static final String INDEX_STORE = "api-article-index";
  /** The latest snapshot of each trend window, by window size and start. */
  public static final String SNAPSHOTS_STORE = "api-trend-snapshots";
  /** Exact outcome counts, one set per partition. */
  public static final String STATS_STORE = "api-stats";

  /** How long an article stays queryable by id: as long as news.articles keeps it by default. */
  public static final Duration ARTICLE_RETENTION = Duration.ofDays(7);
  /** How far back trend history goes, from the newest window of each size. */
  public static final Duration TREND_HISTORY = Duration.ofDays(7);

  private final PrometheusMeterRegistry registry;
  private final List<Duration> windows;

  private OperatorApi(PrometheusMeterRegistry registry, List<Duration> windows) {
    this.registry = registry;
    this.windows = windows;
  }

  /**
   * Adds the API's sources and stores to {@code builder}. {@code windows} are the trend window sizes the
   * pipeline computes, the first being the default of requests that name none.
   */
  public static OperatorApi addStores(StreamsBuilder builder, Topics topics, List<Duration> windows) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one trend window size is needed");
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StageMeters meters = new StageMeters(registry);

    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATS_STORE),
        Serdes.String(), Serdes.Long()));
    builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
        Stores.persistentTimestampedKeyValueStore(ARTICLES_STORE), Serdes.String(), topics.articles().valueSerde()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE),
        Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SNAPSHOTS_STORE),
        Serdes.String(), topics.trends().valueSerde()));

    Decoder<Article> articles = decoder(topics.articles(), meters);
    source(builder, topics.articles())
        .process(() -> new ArticleIndexer(articles, meters, ARTICLE_RETENTION), Named.as("api-index-articles"),
            ARTICLES_STORE, INDEX_STORE, STATS_STORE);

    Decoder<DuplicateNotice> duplicates = decoder(topics.duplicates(), meters);
    source(builder, topics.duplicates())
        .process(() -> new OutcomeCounter<>(duplicates, d -> Counters.DUPLICATE + d.getKind().name(),
            d -> meters.duplicate(d.getKind().name())), Named.as("api-count-duplicates"), STATS_STORE);

    Decoder<DeadLetter> deadLetters = decoder(topics.deadLetters(), meters);
    source(builder, topics.deadLetters())
        .process(() -> new OutcomeCounter<>(deadLetters, d -> Counters.DEAD_LETTER + d.getStage(),
            d -> meters.deadLetter(d.getStage())), Named.as("api-count-dead-letters"), STATS_STORE);

    Decoder<TrendSnapshot> trends = decoder(topics.trends(), meters);
    source(builder, topics.trends())
        .process(() -> new SnapshotIndexer(trends, meters, TREND_HISTORY), Named.as("api-index-trends"),
            SNAPSHOTS_STORE);

    return new OperatorApi(registry, List.copyOf(windows));
  }

  /** The registry /metrics scrapes: our stage counters now, Kafka Streams' and the JVM's once served. */
  public PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  /** The trend window sizes requests may name; the first is the default. */
  public List<Duration> windows() {
    return windows;
  }

  private static KStream<String, byte[]> source(StreamsBuilder builder, Topic<String, ?> topic) {
    return builder.stream(topic.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("api-source-" + topic.name()));
  }

  private static <T> Decoder<T> decoder(Topic<String, T> topic, StageMeters meters) {
    return new Decoder<>(topic.name(), topic.valueSerde().deserializer(), meters);
  }
}
