package io.newsflow.streams.api;

import io.newsflow.avro.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps news.articles queryable: each article by id (with the time it was indexed), an index by that time for
 * "recent articles" and for expiry, and the count of unique articles (a revision, same id again, replaces its
 * article and is not counted twice). Articles indexed longer ago than the retention are dropped from both
 * stores, so the stores stay as small as the topic.
 */
final class ArticleIndexer implements Processor<String, byte[], Void, Void> {

  static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);
  /** Bounds one punctuation's work; the rest waits for the next run. */
  private static final int MAX_PRUNED_PER_RUN = 10_000;

  private final Decoder<Article> decoder;
  private final StageMeters meters;
  private final Duration retention;
  private ProcessorContext<Void, Void> context;
  private TimestampedKeyValueStore<String, Article> articles;
  private KeyValueStore<String, String> index;
  private KeyValueStore<String, Long> stats;

  ArticleIndexer(Decoder<Article> decoder, StageMeters meters, Duration retention) {
    this.decoder = decoder;
    this.meters = meters;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.articles = context.getStateStore(OperatorApi.ARTICLES_STORE);
    this.index = context.getStateStore(OperatorApi.INDEX_STORE);
    this.stats = context.getStateStore(OperatorApi.STATS_STORE);
    context.schedule(PRUNE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::prune);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata where = context.recordMetadata().orElseThrow();
    Article article = decoder.decode(record.value(), where.partition(), where.offset());
    if (article == null) {
      return;
    }
    long now = context.currentSystemTimeMs();
    String id = article.getId();
    // A revision arrives under the same id: its older index entry must go, or "recent" would list it twice.
    ValueAndTimestamp<Article> previous = articles.get(id);
    if (previous != null) {
      index.delete(StoreKeys.indexed(previous.timestamp(), id));
    }
    articles.put(id, ValueAndTimestamp.make(article, now));
    index.put(StoreKeys.indexed(now, id), id);
    if (previous == null) {
      Counters.increment(stats, Counters.UNIQUE);
      meters.unique();
    }
  }

  private void prune(long now) {
    List<KeyValue<String, String>> expired = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        index.range(StoreKeys.indexed(0, ""), StoreKeys.indexed(now - retention.toMillis(), ""))) {
      while (it.hasNext() && expired.size() < MAX_PRUNED_PER_RUN) {
        expired.add(it.next());
      }
    }
    for (KeyValue<String, String> entry : expired) {
      index.delete(entry.key);
      ValueAndTimestamp<Article> current = articles.get(entry.value);
      if (current != null && current.timestamp() <= StoreKeys.indexedAt(entry.key)) {
        articles.delete(entry.value);
      }
    }
  }
}
