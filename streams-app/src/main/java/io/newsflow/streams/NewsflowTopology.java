package io.newsflow.streams;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.KeywordModel;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.dedup.DedupMessage;
import io.newsflow.streams.dedup.DedupMessageSerde;
import io.newsflow.streams.dedup.Identity;
import io.newsflow.streams.dedup.IndexEntriesProcessor;
import io.newsflow.streams.dedup.MatchIndexProcessor;
import io.newsflow.streams.dedup.MemberSerde;
import io.newsflow.streams.dedup.Resolution;
import io.newsflow.streams.dedup.ResolverProcessor;
import io.newsflow.streams.dedup.SignedArticle;
import io.newsflow.streams.keywords.KeywordsProcessor;
import io.newsflow.streams.learn.KeywordLearner;
import io.newsflow.streams.normalize.NormalizeProcessor;
import io.newsflow.streams.support.Outcome;
import io.newsflow.streams.topics.Topics;
import io.newsflow.streams.trends.TrendChange;
import io.newsflow.streams.trends.TrendSerdes;
import io.newsflow.streams.trends.TrendsProcessor;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds newsflow's topology and nothing else, so tests drive exactly what runs in production.
 *
 * <pre>
 * news.raw -> normalize -+-> [dedup-by-match-key] -> dedup-match --+
 *                        +---------------------------------------+-> [dedup-by-item] -> dedup-resolve
 * dedup-resolve -> notices -> news.duplicates
 *               -> publications -> keywords -> news.articles
 *                                           -> [trends-by-window, 1 partition] -> trends -> news.trends
 *               -> withdrawals ----------------^                 |  (one snapshot stream per window size)
 *                                                                +-> keyword-learn -> news.keyword-model
 * news.keyword-model, news.keyword-decisions -> global stores -> keywords (the latest model version)
 * rejects of any stage -> news.dlq
 * </pre>
 *
 * <p>Each article version goes to the match index under each of its match keys (fingerprint, SimHash
 * bands, passage hashes), so pairs that may be duplicates meet in one task whatever the partition count;
 * what the index finds, and the version itself, go to the resolver of the version's item (canonical URL, else
 * id), which decides and corrects. See the {@code dedup} package for why the result does not depend on
 * partitions or arrival order.
 */
public final class NewsflowTopology {

  public static final String MATCH_REPARTITION = "dedup-by-match-key";
  public static final String ITEM_REPARTITION = "dedup-by-item";
  public static final String TRENDS_REPARTITION = "trends-by-window";

  /** All articles share this key on their way to the trend counter: it needs every keyword of a window. */
  static final String TRENDS_KEY = "trends";

  private NewsflowTopology() {}

  public static Topology build(StreamsSettings settings, Topics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, settings, topics);
    return builder.build();
  }

  /** Adds the pipeline to {@code builder}, for an app that adds more to the same topology (the operator API). */
  public static void addTo(StreamsBuilder builder, StreamsSettings settings, Topics topics) {
    Serde<Article> articleSerde = topics.valueSerde(Article.class);
    Serde<RawArticle> rawSerde = topics.raw().valueSerde();

    KStream<String, Outcome<Article>> normalized = builder
        .stream(topics.rawBytes().name(), topics.rawBytes().consumed())
        .process(() -> new NormalizeProcessor(rawSerde.deserializer()), Named.as(NormalizeProcessor.NAME));
    KStream<String, Article> clean = okOrDeadLetter(normalized, NormalizeProcessor.NAME, topics);

    // Shingling and hashing the body is dedup's main cost: once per article, for its version and its keys.
    KStream<String, SignedArticle> signed = clean.mapValues(SignedArticle::of, Named.as("dedup-signature"));
    KStream<String, DedupMessage> versions = signed.map((id, s) -> KeyValue.pair(Identity.item(s.article()),
        DedupMessage.version(s.article(), s.matchKeys())), Named.as("dedup-version"));
    KStream<String, DedupMessage> found = signed
        .process(IndexEntriesProcessor::new, Named.as(IndexEntriesProcessor.NAME))
        .repartition(Repartitioned.with(Serdes.String(), new MemberSerde()).withName(MATCH_REPARTITION))
        .process(MatchIndexProcessor.supplier(settings.nearRules(), settings.dedupRetention(),
            settings.maxCandidates()), Named.as(MatchIndexProcessor.NAME));
    Map<String, KStream<String, Resolution>> resolved = versions
        .merge(found, Named.as("dedup-gather"))
        .repartition(Repartitioned.with(Serdes.String(), new DedupMessageSerde(articleSerde))
            .withName(ITEM_REPARTITION))
        .process(ResolverProcessor.supplier(settings.dedupRetention(), articleSerde),
            Named.as(ResolverProcessor.NAME))
        .split(Named.as("dedup-"))
        .branch((key, r) -> r.type() == Resolution.Type.NOTICE, Branched.as("notice"))
        .branch((key, r) -> r.type() == Resolution.Type.PUBLISH, Branched.as("publish"))
        .defaultBranch(Branched.as("withdraw"));

    KStream<String, DuplicateNotice> notices = resolved.get("dedup-notice")
        .mapValues(Resolution::notice, Named.as("dedup-notice-value"));
    notices.to(topics.duplicates().name(), topics.duplicates().produced(ResolverProcessor.NAME));

    boolean learning = settings.model().enabled();
    if (learning) {
      builder.globalTable(topics.keywordModelBytes().name(), topics.keywordModelBytes().consumed(),
          Materialized.as(KeywordLearner.MODEL_STORE));
      builder.globalTable(topics.keywordDecisions().name(), topics.keywordDecisions().consumed(),
          Materialized.as(KeywordLearner.DECISIONS_STORE));
    }
    Deserializer<KeywordModel> models = learning ? topics.keywordModel().valueSerde().deserializer() : null;

    // Keyed by the count key from here to the trend stage, which counts under it.
    KStream<String, KeywordsProcessor.Extracted> withKeywords = okOrDeadLetter(resolved.get("dedup-publish")
            .mapValues(Resolution::article, Named.as("dedup-publish-value"))
            .processValues(() -> new KeywordsProcessor(settings.keywordsPerArticle(), settings.keywords(), models),
                Named.as(KeywordsProcessor.NAME)),
        KeywordsProcessor.NAME, topics);
    withKeywords
        .map((countKey, extracted) -> KeyValue.pair(extracted.article().getId(), extracted.article()),
            Named.as("key-by-id"))
        .to(topics.articles().name(), topics.articles().produced(KeywordsProcessor.NAME));

    KStream<String, TrendChange> counts = withKeywords.mapValues(
        (countKey, e) -> TrendChange.count(countKey, e.article().getId(), e.article().getKeywords(),
            learning ? e.terms() : List.of(), learning ? e.nouns() : List.of(), learning ? e.pairs() : List.of()),
        Named.as("trend-count"));
    KStream<String, TrendChange> withdrawals = resolved.get("dedup-withdraw").mapValues(
        (countKey, resolution) -> TrendChange.withdrawal(countKey), Named.as("trend-withdraw"));
    KStream<String, TrendChange> changes = counts
        .merge(withdrawals, Named.as("trend-changes"))
        .selectKey((countKey, change) -> TRENDS_KEY, Named.as("key-by-trends"))
        .repartition(Repartitioned.with(Serdes.String(), TrendSerdes.changes())
            .withName(TRENDS_REPARTITION).withNumberOfPartitions(1));
    KStream<String, Outcome<TrendSnapshot>> snapshots =
        changes.process(TrendsProcessor.supplier(settings.trends()), Named.as(TrendsProcessor.NAME));
    if (learning) {
      // The trend stage's one partition sees every counted article: the model learns from all of them there.
      changes.process(KeywordLearner.supplier(settings.model()), Named.as(KeywordLearner.NAME))
          .to(topics.keywordModel().name(), topics.keywordModel().produced(KeywordLearner.NAME));
    }
    okOrDeadLetter(snapshots, TrendsProcessor.NAME, topics)
        .to(topics.trends().name(), topics.trends().produced(TrendsProcessor.NAME));
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
