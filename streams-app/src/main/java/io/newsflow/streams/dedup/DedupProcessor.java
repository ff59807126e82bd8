package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.streams.support.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reports an article as a duplicate when an earlier article had the same dedup key (its canonical URL, or
 * its body fingerprint) within the retention, in event time. The stream arrives partitioned by that key, so
 * every copy meets the first one in the same task whichever partition it was produced to. The window store
 * forgets keys once they fall out of the retention, which bounds the state.
 */
public final class DedupProcessor implements FixedKeyProcessor<String, Article, Verdict> {

  /** Prefix of the URL-stage key of an article without a URL: such an article has nothing to match there. */
  static final String NO_URL_PREFIX = "no-url:";

  private final String storeName;
  private final DuplicateKind kind;
  private final Duration retention;
  private FixedKeyProcessorContext<String, Verdict> context;
  private WindowStore<String, Seen> seen;

  private DedupProcessor(String storeName, DuplicateKind kind, Duration retention) {
    this.storeName = storeName;
    this.kind = kind;
    this.retention = retention;
  }

  /** The processor with its own window store, named {@code storeName}. */
  public static FixedKeyProcessorSupplier<String, Article, Verdict> supplier(
      String storeName, DuplicateKind kind, Duration retention) {
    return new FixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<String, Article, Verdict> get() {
        return new DedupProcessor(storeName, kind, retention);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.windowStoreBuilder(
            Stores.persistentWindowStore(storeName, retention.multipliedBy(2), retention, false),
            Serdes.String(), new JsonSerde<>(Seen.class)));
      }
    };
  }

  /** The key of the URL stage: the canonical URL, or a key that matches nothing when there is none. */
  public static String urlKey(Article article) {
    return article.getUrl() != null ? article.getUrl() : NO_URL_PREFIX + article.getId();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Verdict> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    Article article = record.value();
    if (record.key() == null || record.key().startsWith(NO_URL_PREFIX)) {
      context.forward(record.withValue(Verdict.unique(article)));
      return;
    }
    long time = record.timestamp();
    Seen first = firstWithin(record.key(), time);
    if (first == null) {
      seen.put(record.key(), new Seen(article.getId()), time);
      context.forward(record.withValue(Verdict.unique(article)));
      return;
    }
    DuplicateNotice notice = DuplicateNotice.newBuilder()
        .setId(article.getId())
        .setDuplicateOf(first.id())
        .setKind(kind)
        .setDistance(null)
        .setDetectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
    context.forward(record.withValue(Verdict.duplicate(article, notice)));
  }

  private Seen firstWithin(String key, long time) {
    long from = Math.max(0, time - retention.toMillis());
    long to = time + retention.toMillis();
    try (WindowStoreIterator<Seen> it = seen.fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
      return it.hasNext() ? it.next().value : null;
    }
  }
}
