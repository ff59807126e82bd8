package io.newsflow.streams.verify;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.registry.serde.AvroSerde;
import io.newsflow.registry.serde.AvroSerdeConfig;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.dedup.OfflineDedup;
import io.newsflow.streams.dlq.DeadLetters;
import io.newsflow.streams.keywords.KeywordExtractor;
import io.newsflow.streams.keywords.KeywordsProcessor;
import io.newsflow.streams.keywords.LearnedModel;
import io.newsflow.streams.normalize.ArticleNormalizer;
import io.newsflow.streams.support.EventTime;
import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.trends.TrendCounting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The pipeline's final results for a list of raw articles, computed without Kafka, by the same code the
 * topology runs at each stage: Avro's encoding of the record (what a reader of news.raw gets back), the
 * normalizer, the event-time check, the dedup engine ({@link OfflineDedup}: match keys, rules, verdicts), keyword
 * extraction, and the trend stage's counting ({@link TrendCounting}).
 *
 * <p>It assumes what a run to compare with must give it: no article late for its windows (a grace period
 * wider than the input's disorder, as a replay sets) and no two versions of an item further apart than the
 * retention. Anything else depends on arrival order by design.
 */
public final class Oracle {

  /** A raw article the pipeline dead-letters instead of counting, with why. */
  public record Rejected(String id, String reason) {
  }

  /** The oracle's answer: what the pipeline must come to, and the articles it must dead-letter. */
  public record Expected(PipelineResult result, List<Rejected> rejected, int counted) {
  }

  private Oracle() {
  }

  /**
   * The final notices and counts for {@code inputs} under {@code settings}, every article extracted with the
   * shipped keyword models alone; {@code nowMillis} is the wall clock the event-time check compares with (future
   * publication times fall back to the fetch time).
   */
  public static Expected compute(List<RawArticle> inputs, StreamsSettings settings, long nowMillis) {
    try (Plan plan = plan(inputs, settings, nowMillis)) {
      return plan.expected(ModelHistory.NONE);
    }
  }

  /**
   * Normalization and dedup of {@code inputs}, which do not depend on the learned keyword model; the counts
   * follow for a given {@link ModelHistory} ({@link Plan#expected}).
   */
  public static Plan plan(List<RawArticle> inputs, StreamsSettings settings, long nowMillis) {
    ArticleNormalizer normalizer = new ArticleNormalizer();
    OfflineDedup dedup = new OfflineDedup(settings.nearRules(), settings.dedupRetention());
    List<Rejected> rejected = new ArrayList<>();
    AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);
    serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://newsflow-oracle-" + UUID.randomUUID()),
        false);
    for (RawArticle raw : inputs) {
      try {
        Article article = normalizer.normalize(throughAvro(serde, raw));
        dedup.add(article, EventTime.checked(article, nowMillis));
      } catch (RuntimeException e) {
        rejected.add(new Rejected(raw.getId(), DeadLetters.reasonOf(e)));
      }
    }
    return new Plan(settings, dedup.run(), rejected);
  }

  /**
   * The oracle's dedup verdicts for an input, ready to count keywords with whichever model versions the articles
   * recorded. Keeps each article's keywords per version, so that counting again after more versions are known
   * only extracts what changed. Not thread-safe.
   */
  public static final class Plan implements AutoCloseable {

    private final StreamsSettings settings;
    private final OfflineDedup.Result result;
    private final List<Rejected> rejected;
    private final KeywordExtractor extractor;
    private final Map<String, List<String>> keywords = new HashMap<>();
    private final Map<Long, LearnedModel> models = new HashMap<>();

    private Plan(StreamsSettings settings, OfflineDedup.Result result, List<Rejected> rejected) {
      this.settings = settings;
      this.result = result;
      this.rejected = List.copyOf(rejected);
      this.extractor = new KeywordExtractor(settings.keywords());
    }

    /** The final duplicate notice per id, which no keyword model changes. */
    public Map<String, PipelineResult.Notice> notices() {
      Map<String, PipelineResult.Notice> notices = new TreeMap<>();
      for (OfflineDedup.Verdict verdict : result.duplicates()) {
        notices.put(verdict.id(), new PipelineResult.Notice(verdict.duplicateOf(), verdict.kind(),
            verdict.distance()));
      }
      return notices;
    }

    /** The final notices and counts when each article is extracted with the version {@code history} gives it. */
    public Expected expected(ModelHistory history) {
      Map<String, PipelineResult.Notice> notices = notices();
      Map<String, Map<String, Long>> counts = new TreeMap<>();
      for (OfflineDedup.Publication publication : result.publications()) {
        Article published = publication.article();
        Long version = history.versionOf(published.getId());
        List<String> articleKeywords = keywords.computeIfAbsent(published.getId() + "@" + version,
            k -> KeywordsProcessor.withKeywords(extractor, published, settings.keywordsPerArticle(),
                models.computeIfAbsent(version == null ? 0L : version, v -> history.model(version)))
                .getKeywords());
        for (Duration window : settings.trendWindows()) {
          long size = window.toMillis();
          String snapshot = TrendCounting.snapshotKey(size, TrendCounting.windowStart(publication.eventTime(), size));
          Map<String, Long> windowCounts = counts.computeIfAbsent(snapshot, k -> new HashMap<>());
          for (String key : TrendCounting.distinctKeywords(articleKeywords).keySet()) {
            windowCounts.merge(key, 1L, Long::sum);
          }
        }
      }
      return new Expected(new PipelineResult(notices, counts), rejected, result.publications().size());
    }

    @Override
    public void close() {
      extractor.close();
    }
  }

  /**
   * The record as the normalize stage decodes it, through newsflow's serde (a private in-memory registry):
   * strings through UTF-8 as Avro writes them, so a lone surrogate becomes what the pipeline sees.
   */
  private static RawArticle throughAvro(AvroSerde<RawArticle> serde, RawArticle raw) {
    return serde.deserializer().deserialize(TopicNames.RAW, serde.serializer().serialize(TopicNames.RAW, raw));
  }
}
