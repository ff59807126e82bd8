package io.newsflow.streams.api;

import io.newsflow.avro.Article;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.api.Views.ArticleSummary;
import io.newsflow.streams.api.Views.ArticleView;
import io.newsflow.streams.api.Views.SnapshotView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Interactive queries against this instance's active store partitions ({@link ApiServer} combines them with the
 * other instances' answers), and, for one article, against a named partition held here as active or standby. A
 * store that is not queryable now (rebalancing, restoring) is a 503.
 */
final class LocalStores {

  private final KafkaStreams streams;

  LocalStores(KafkaStreams streams) {
    this.streams = streams;
  }

  Optional<ArticleView> article(String id) {
    ValueAndTimestamp<Article> stored = store(OperatorApi.ARTICLES_STORE,
        QueryableStoreTypes.<String, Article>timestampedKeyValueStore()).get(id);
    return Optional.ofNullable(stored).map(v -> ArticleView.of(v.value(), v.timestamp()));
  }

  /**
   * The article from partition {@code partition} of the store held here, active or standby, restoring or not: the
   * caller asked this instance because the group's metadata says it holds that partition.
   */
  Optional<ArticleView> article(String id, int partition) {
    ReadOnlyKeyValueStore<String, ValueAndTimestamp<Article>> store;
    try {
      store = streams.store(StoreQueryParameters.fromNameAndType(OperatorApi.ARTICLES_STORE,
          QueryableStoreTypes.<String, Article>timestampedKeyValueStore()).withPartition(partition).enableStaleStores());
      ValueAndTimestamp<Article> stored = store.get(id);
      return Optional.ofNullable(stored).map(v -> ArticleView.of(v.value(), v.timestamp()));
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable("partition " + partition + " of store " + OperatorApi.ARTICLES_STORE
          + " is not queryable here now (streams state " + streams.state() + "): " + e.getMessage()
          + "; retry shortly");
    }
  }

  /** The {@code limit} most recently indexed articles held here, newest first. */
  List<ArticleSummary> recent(int limit) {
    ReadOnlyKeyValueStore<String, ValueAndTimestamp<Article>> articles = store(OperatorApi.ARTICLES_STORE,
        QueryableStoreTypes.timestampedKeyValueStore());
    List<ArticleSummary> recent = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store(OperatorApi.INDEX_STORE,
        QueryableStoreTypes.<String, String>keyValueStore()).reverseAll()) {
      while (it.hasNext() && recent.size() < limit) {
        KeyValue<String, String> entry = it.next();
        ValueAndTimestamp<Article> article = articles.get(entry.value);
        if (article != null) {
          recent.add(ArticleSummary.of(article.value(), article.timestamp()));
        }
      }
    }
    // Each partition's index is in order, but the iterator visits partitions one after another.
    recent.sort((a, b) -> b.indexedAt().compareTo(a.indexedAt()));
    return recent;
  }

  /**
   * The newest {@code limit} snapshots held here of windows of {@code size} starting in [from, to), newest
   * first; a null bound is open.
   */
  List<SnapshotView> snapshots(Duration size, Instant from, Instant to, int limit) {
    String lower = from == null ? StoreKeys.firstSnapshot(size) : StoreKeys.snapshot(size, from);
    String upper = to == null ? StoreKeys.pastLastSnapshot(size) : StoreKeys.snapshot(size, to);
    List<SnapshotView> found = new ArrayList<>();
    try (KeyValueIterator<String, TrendSnapshot> it = store(OperatorApi.SNAPSHOTS_STORE,
        QueryableStoreTypes.<String, TrendSnapshot>keyValueStore()).reverseRange(lower, upper)) {
      it.forEachRemaining(kv -> {
        if (to == null || kv.value.getWindowStart().isBefore(to)) {
          found.add(SnapshotView.of(kv.value));
        }
      });
    }
    return TrendQueries.newestFirst(found, limit);
  }

  /** The counters of every partition held here, added up. */
  Map<String, Long> counters() {
    Map<String, Long> total = new TreeMap<>();
    try (KeyValueIterator<String, Long> it = store(OperatorApi.STATS_STORE,
        QueryableStoreTypes.<String, Long>keyValueStore()).all()) {
      it.forEachRemaining(kv -> total.merge(kv.key, kv.value, Long::sum));
    }
    return total;
  }

  private <T> T store(String name, QueryableStoreType<T> type) {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(name, type));
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable("store " + name + " is not queryable now (streams state " + streams.state()
          + "): " + e.getMessage() + "; retry shortly");
    }
  }
}
