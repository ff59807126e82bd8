package io.newsflow.streams.keywords;

import io.newsflow.avro.Article;
import io.newsflow.streams.dlq.DeadLetters;
import io.newsflow.streams.support.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Fills {@code Article.keywords} with the article's ranked keywords in display form. */
public final class KeywordsProcessor implements FixedKeyProcessor<String, Article, Outcome<Article>> {

  public static final String NAME = "keywords";

  private final int limit;
  private final KeywordConfig config;
  private FixedKeyProcessorContext<String, Outcome<Article>> context;

  /** With the shipped user dictionary. */
  public KeywordsProcessor(int limit) {
    this(limit, KeywordConfig.defaults());
  }

  public KeywordsProcessor(int limit, KeywordConfig config) {
    this.limit = limit;
    this.config = config;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome<Article>> context) {
    this.context = context;
  }

  /** The article with its {@code limit} best keywords in display form, as news.articles carries it. */
  public static Article withKeywords(KeywordExtractor extractor, Article article, int limit) {
    List<String> keywords = extractor.extract(article.getTitle(), article.getBody(), article.getLanguage()).stream()
        .limit(limit)
        .map(Keyword::display)
        .toList();
    return Article.newBuilder(article).setKeywords(keywords).build();
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    Article article = record.value();
    try {
      Article withKeywords = withKeywords(PerThreadExtractor.get(config), article, limit);
      context.forward(record.withValue(Outcome.ok(withKeywords)));
    } catch (RuntimeException e) {
      byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
      byte[] value = article.toString().getBytes(StandardCharsets.UTF_8);
      context.forward(record.withValue(Outcome.failed(
          DeadLetters.of(NAME, DeadLetters.reasonOf(e), context, key, value, record.timestamp()))));
    }
  }
}
