package io.newsflow.streams.keywords;

import io.newsflow.avro.Article;
import io.newsflow.avro.KeywordModel;
import io.newsflow.streams.dlq.DeadLetters;
import io.newsflow.streams.learn.KeywordLearner;
import io.newsflow.streams.support.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills {@code Article.keywords} with the article's ranked keywords in display form, extracted with the latest
 * version of the learned keyword model this instance has ({@code Article.keywordModel} records which), and passes
 * on what the article teaches the model ({@link Extracted}).
 */
public final class KeywordsProcessor implements FixedKeyProcessor<String, Article, Outcome<KeywordsProcessor.Extracted>> {

  public static final String NAME = "keywords";

  /** How many of an article's keywords the model counts document frequencies of. */
  static final int LEARNED_TERMS = 100;

  /** How often the processor looks for a newer model version; between looks, no record pays for it. */
  private static final Logger LOG = LoggerFactory.getLogger(KeywordsProcessor.class);
  static final Duration MODEL_REFRESH = Duration.ofSeconds(1);

  /**
   * An article with its keywords, and what it teaches the keyword model.
   *
   * @param article the article as news.articles carries it
   * @param terms the counting keys of its first {@value #LEARNED_TERMS} keywords
   * @param nouns the whole Korean nouns it wrote where Nori read less
   * @param pairs its Korean keywords that stood alone, each with the next word's noun ("샘 알트만")
   */
  public record Extracted(Article article, List<String> terms, List<String> nouns, List<String> pairs) {
  }

  private final int limit;
  private final KeywordConfig config;
  private final Deserializer<KeywordModel> models;
  private FixedKeyProcessorContext<String, Outcome<Extracted>> context;
  private KeyValueStore<String, ValueAndTimestamp<byte[]>> modelStore;
  private String modelKey;
  private LearnedModel model = LearnedModel.NONE;
  private final Set<String> rejected = new HashSet<>();

  /** With the shipped user dictionary and no learned model. */
  public KeywordsProcessor(int limit) {
    this(limit, KeywordConfig.defaults(), null);
  }

  /**
   * @param models reads news.keyword-model's values; null: no learned model (the global store is not in the
   *     topology)
   */
  public KeywordsProcessor(int limit, KeywordConfig config, Deserializer<KeywordModel> models) {
    this.limit = limit;
    this.config = config;
    this.models = models;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome<Extracted>> context) {
    this.context = context;
    if (models != null) {
      modelStore = context.getStateStore(KeywordLearner.MODEL_STORE);
      refreshModel();
      context.schedule(MODEL_REFRESH, PunctuationType.WALL_CLOCK_TIME, now -> refreshModel());
    }
  }

  /**
   * The newest version in the global store that decodes, decoded only when it changed. A value a foreign producer
   * wrote to news.keyword-model must not stop extraction: it is skipped with one warning, and the newest good
   * version before it stays in use (the article records which, so the oracle replays it the same way).
   */
  private void refreshModel() {
    try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> newest = modelStore.reverseAll()) {
      while (newest.hasNext()) {
        var entry = newest.next();
        if (entry.value == null || entry.value.value() == null || rejected.contains(entry.key)) {
          continue;
        }
        if (entry.key.equals(modelKey)) {
          return;
        }
        try {
          model = LearnedModel.of(models.deserialize(KeywordLearner.MODEL_STORE, entry.value.value()));
          modelKey = entry.key;
          return;
        } catch (RuntimeException e) {
          rejected.add(entry.key);
          LOG.warn("event=keyword-model-rejected key={} reason=\"{}\" action=keep-previous-version", entry.key,
              DeadLetters.reasonOf(e));
        }
      }
    }
  }

  /** The article with its {@code limit} best keywords in display form, as news.articles carries it. */
  public static Article withKeywords(KeywordExtractor extractor, Article article, int limit) {
    return withKeywords(extractor, article, limit, LearnedModel.NONE);
  }

  /** As {@link #withKeywords(KeywordExtractor, Article, int)}, extracted with {@code model}. */
  public static Article withKeywords(KeywordExtractor extractor, Article article, int limit, LearnedModel model) {
    return extract(extractor, article, limit, model).article();
  }

  private static Extracted extract(KeywordExtractor extractor, Article article, int limit, LearnedModel model) {
    List<Keyword> all = extractor.extract(article.getTitle(), article.getBody(), article.getLanguage(), model);
    List<String> keywords = new ArrayList<>(Math.min(limit, all.size()));
    Set<String> terms = new LinkedHashSet<>();
    for (Keyword k : all) {
      if (keywords.size() < limit) {
        keywords.add(k.display());
      }
      if (terms.size() < LEARNED_TERMS) {
        terms.add(k.key());
      } else if (keywords.size() >= limit) {
        break;
      }
    }
    Article withKeywords = Article.newBuilder(article).setKeywords(keywords).setKeywordModel(model.version()).build();
    return new Extracted(withKeywords, List.copyOf(terms), List.copyOf(extractor.nounEvidence()),
        List.copyOf(extractor.pairEvidence()));
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    Article article = record.value();
    try {
      context.forward(record.withValue(Outcome.ok(extract(PerThreadExtractor.get(config), article, limit, model))));
    } catch (RuntimeException e) {
      byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
      byte[] value = article.toString().getBytes(StandardCharsets.UTF_8);
      context.forward(record.withValue(Outcome.failed(
          DeadLetters.of(NAME, DeadLetters.reasonOf(e), context, key, value, record.timestamp()))));
    }
  }
}
