package io.newsflow.streams.normalize;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.streams.dlq.DeadLetters;
import io.newsflow.streams.support.EagerCommit;
import io.newsflow.streams.support.EventTime;
import io.newsflow.streams.support.Outcome;
import io.newsflow.streams.support.RegistryOutage;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes a news.raw record and normalizes it into an Article keyed by its id, stamped with its event time.
 * Decoding happens here rather than in the source so that a record that cannot be decoded becomes a dead
 * letter with its bytes instead of stopping the application.
 */
public final class NormalizeProcessor implements Processor<byte[], byte[], String, Outcome<Article>> {

  public static final String NAME = "normalize";

  /**
   * The largest news.raw record normalized. Its article goes on to news.articles and through two repartition
   * topics, whose records the broker refuses over 1 MiB (message.max.bytes), and a refused write stops the
   * application; so a larger record is dead-lettered here, cut to {@link DeadLetters#MAX_BYTES}.
   */
  public static final int MAX_RECORD_BYTES = 900 * 1024;

  private final Deserializer<RawArticle> deserializer;
  private final ArticleNormalizer normalizer = new ArticleNormalizer();
  private ProcessorContext<String, Outcome<Article>> context;
  private EagerCommit.Trigger commits;

  public NormalizeProcessor(Deserializer<RawArticle> deserializer) {
    this.deserializer = deserializer;
  }

  @Override
  public void init(ProcessorContext<String, Outcome<Article>> context) {
    this.context = context;
    this.commits = EagerCommit.schedule(context);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    commits.processed();
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("news.raw");
    Article article;
    long eventTime;
    if (record.value() != null && record.value().length > MAX_RECORD_BYTES) {
      fail(record, "too large: a record of " + record.value().length + " bytes is over the " + MAX_RECORD_BYTES
          + "-byte limit of an article");
      return;
    }
    try {
      RawArticle raw = deserializer.deserialize(topic, record.headers(), record.value());
      if (raw == null) {
        fail(record, "empty value: news.raw carries no tombstones");
        return;
      }
      article = normalizer.normalize(raw);
      eventTime = EventTime.checked(article, context.currentSystemTimeMs());
    } catch (RuntimeException e) {
      if (RegistryOutage.of(e) != null) {
        // Not the record's fault: retried once the registry answers (see StreamsApp#onUncaught).
        throw e;
      }
      fail(record, DeadLetters.reasonOf(e));
      return;
    }
    context.forward(new Record<>(article.getId(), Outcome.ok(article), eventTime));
  }

  private void fail(Record<byte[], byte[]> record, String reason) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    context.forward(new Record<>(key, Outcome.failed(
        DeadLetters.of(NAME, reason, context, record.key(), record.value(), record.timestamp())),
        record.timestamp()));
  }
}
