package io.newsflow.streams;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.dedup.DedupProcessor;
import io.newsflow.streams.dedup.Verdict;
import io.newsflow.streams.keywords.KeywordsProcessor;
import io.newsflow.streams.normalize.NormalizeProcessor;
import io.newsflow.streams.support.Outcome;
import io.newsflow.streams.topics.Topics;
import io.newsflow.streams.trends.TrendsProcessor;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds newsflow's topology and nothing else, so tests drive exactly what runs in production.
 *
 * <pre>
 * news.raw -> normalize -> [dedup-by-url] -> dedup-url -> [dedup-by-content] -> dedup-content
 *          -> keywords -> news.articles
 *                      -> [trends-by-window, 1 partition] -> trends -> news.trends
 * duplicates of either dedup stage -> news.duplicates; rejects of any stage -> news.dlq
 * </pre>
 */
public final class NewsflowTopology {

  public static final String URL_REPARTITION = "dedup-by-url";
  public static final String CONTENT_REPARTITION = "dedup-by-content";
  public static final String TRENDS_REPARTITION = "trends-by-window";
  public static final String URL_STORE = "dedup-url-store";
  public static final String CONTENT_STORE = "dedup-content-store";

  /** All articles share this key on their way to the trend counter: it needs every keyword of a window. */
  static final String TRENDS_KEY = "trends";

  private NewsflowTopology() {}

  public static Topology build(StreamsSettings settings, Topics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, settings, topics);
    return builder.build();
  }

  /** Adds the pipeline to {@code builder}, for applications that add more (the operator API's stores). */
  public static void addTo(StreamsBuilder builder, StreamsSettings settings, Topics topics) {
    Serde<Article> articleSerde = topics.valueSerde(Article.class);
    Serde<RawArticle> rawSerde = topics.raw().valueSerde();

    KStream<String, Outcome<Article>> normalized = builder
        .stream(topics.rawBytes().name(), topics.rawBytes().consumed())
        .process(() -> new NormalizeProcessor(rawSerde.deserializer()), Named.as(NormalizeProcessor.NAME));
    KStream<String, Article> clean = okOrDeadLetter(normalized, NormalizeProcessor.NAME, topics);

    KStream<String, Article> uniqueByUrl = dedup(clean
            .selectKey((id, article) -> DedupProcessor.urlKey(article), Named.as("key-by-url"))
            .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName(URL_REPARTITION)),
        "dedup-url", URL_STORE, DuplicateKind.EXACT_URL, settings, topics);
    KStream<String, Article> unique = dedup(uniqueByUrl
            .selectKey((url, article) -> article.getFingerprint(), Named.as("key-by-fingerprint"))
            .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName(CONTENT_REPARTITION)),
        "dedup-content", CONTENT_STORE, DuplicateKind.EXACT_CONTENT, settings, topics);

    KStream<String, Article> withKeywords = okOrDeadLetter(unique
            .selectKey((fingerprint, article) -> article.getId(), Named.as("key-by-id"))
            .processValues(() -> new KeywordsProcessor(settings.keywordsPerArticle()),
                Named.as(KeywordsProcessor.NAME)),
        KeywordsProcessor.NAME, topics);
    withKeywords.to(topics.articles().name(), topics.articles().produced(KeywordsProcessor.NAME));

    KStream<String, Outcome<TrendSnapshot>> snapshots = withKeywords
        .selectKey((id, article) -> TRENDS_KEY, Named.as("key-by-trends"))
        .repartition(Repartitioned.with(Serdes.String(), articleSerde)
            .withName(TRENDS_REPARTITION).withNumberOfPartitions(1))
        .process(TrendsProcessor.supplier(settings.trendWindow(), settings.trendGrace(), settings.topN(),
            settings.emitInterval()), Named.as(TrendsProcessor.NAME));
    okOrDeadLetter(snapshots, TrendsProcessor.NAME, topics)
        .to(topics.trends().name(), topics.trends().produced(TrendsProcessor.NAME));
  }

  private static KStream<String, Article> dedup(KStream<String, Article> keyed, String name, String store,
      DuplicateKind kind, StreamsSettings settings, Topics topics) {
    Map<String, KStream<String, Verdict>> verdicts = keyed
        .processValues(DedupProcessor.supplier(store, kind, settings.dedupRetention()), Named.as(name))
        .split(Named.as(name + "-"))
        .branch((key, verdict) -> verdict.isDuplicate(), Branched.as("duplicate"))
        .defaultBranch(Branched.as("unique"));
    verdicts.get(name + "-duplicate")
        .map((key, verdict) -> org.apache.kafka.streams.KeyValue.pair(verdict.duplicate().getId(),
            verdict.duplicate()), Named.as(name + "-notice"))
        .to(topics.duplicates().name(), topics.duplicates().produced(name));
    return verdicts.get(name + "-unique").mapValues(Verdict::article, Named.as(name + "-passed"));
  }

  /** Sends a stage's failures to the dead-letter topic and returns the stream of its successes. */
  private static <T> KStream<String, T> okOrDeadLetter(KStream<String, Outcome<T>> outcomes, String stage,
      Topics topics) {
    Map<String, KStream<String, Outcome<T>>> branches = outcomes
        .split(Named.as(stage + "-"))
        .branch((key, outcome) -> outcome.isFailed(), Branched.as("failed"))
        .defaultBranch(Branched.as("ok"));
    KStream<String, DeadLetter> failed =
        branches.get(stage + "-failed").mapValues(Outcome::deadLetter, Named.as(stage + "-dead-letter"));
    failed.to(topics.deadLetters().name(), topics.deadLetters().produced(stage));
    return branches.get(stage + "-ok").mapValues(Outcome::value, Named.as(stage + "-value"));
  }
}
