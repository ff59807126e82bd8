package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.streams.support.EagerCommit;
import io.newsflow.streams.support.ZeroPadded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An item's resolver, partitioned by item: gathers the item's versions and the reports and edges of the match
 * index, and once every version and report has arrived, applies {@link ItemDecision} and sends the difference
 * between the new verdict and what it sent before: notices that changed, the current version to publish and
 * count when it changed, a withdrawal when a counted item turned out to be a duplicate of an earlier one.
 *
 * <p>Items expire two retentions (in stream time) after their latest version, through a second store that
 * indexes them by that time, so expiry is a range scan rather than a full one. Two, as the match index keeps
 * its members: this task's stream time runs ahead of the index, because versions come straight from normalize
 * while reports and edges take the index's hop (thirteen records per article), so after a backlog or a restart
 * it can be days of event time ahead. An item forgotten a single retention after its time lost the edge of an
 * earlier copy the index found later, and both copies were counted. With two, every pair within the
 * retention is resolved whatever the order, as long as the input's event times (or its disorder, on a live
 * stream) span at most two retentions.
 */
public final class ResolverProcessor implements Processor<String, DedupMessage, String, Resolution> {

  public static final String NAME = "dedup-resolve";
  public static final String STORE = "dedup-items";
  public static final String EXPIRY_STORE = "dedup-items-by-time";

  private static final Logger LOG = LoggerFactory.getLogger(ResolverProcessor.class);
  private static final int MAX_MATCHES = 64;
  private static final int MAX_EXPIRED_PER_RECORD = 1000;
  private static final int TIME_DIGITS = 20;

  private final Duration retention;
  private final Serde<Article> articles;
  private ProcessorContext<String, Resolution> context;
  private EagerCommit.Trigger commits;
  private KeyValueStore<String, ItemState> items;
  private KeyValueStore<String, String> byTime;
  /**
   * No item expires before stream time minus the retention passes this (the earliest time in the expiry index
   * when last scanned, or a time written since): until then the scan, an iterator per message, is skipped.
   */
  private long nextExpiry = Long.MIN_VALUE;
  /**
   * The last expired time key: the next scan seeks there rather than to the first key, because RocksDB would
   * step over every entry expired before it, one tombstone at a time, until a compaction drops them (a replay
   * of a few thousand articles spent most of its time there). Null: scan from the first key.
   */
  private String expiredThrough;

  private ResolverProcessor(Duration retention, Serde<Article> articles) {
    this.retention = retention;
    this.articles = articles;
  }

  public static ProcessorSupplier<String, DedupMessage, String, Resolution> supplier(Duration retention,
      Serde<Article> articles) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, DedupMessage, String, Resolution> get() {
        return new ResolverProcessor(retention, articles);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            // Cached: an item's state is written for each of the fifteen or so messages an article sends it;
            // RocksDB and the changelog get its last value per commit.
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                ItemStateSerde.serde()).withCachingEnabled(),
            // In memory (changelogged): a queue of small entries, bounded by the retention, that RocksDB serves
            // badly, since every scan from its head steps over the tombstones of what was deleted before.
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EXPIRY_STORE), Serdes.String(),
                Serdes.String()));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Resolution> context) {
    this.context = context;
    this.commits = EagerCommit.schedule(context);
    this.items = context.getStateStore(STORE);
    this.byTime = context.getStateStore(EXPIRY_STORE);
  }

  @Override
  public void process(Record<String, DedupMessage> record) {
    commits.processed();
    expire(context.currentStreamTimeMs() - 2 * retention.toMillis());
    String item = record.key();
    DedupMessage message = record.value();
    ItemState stored = items.get(item);
    ItemState state = stored == null ? new ItemState(item) : stored;
    long lastEventTime = state.lastEventTime;
    state.lastEventTime = Math.max(state.lastEventTime, record.timestamp());
    switch (message.type()) {
      case VERSION -> addVersion(state, message, record.timestamp());
      case REPORT -> {
        VersionState version = state.versions.computeIfAbsent(message.handle(), h -> placeholder(h));
        version.reportedKeys.addAll(message.keys());
        message.matches().forEach(m -> state.addMatch(m, MAX_MATCHES));
      }
      case EDGE -> message.matches().forEach(m -> state.addMatch(m, MAX_MATCHES));
      default -> throw new IllegalStateException("unknown dedup message " + message.type());
    }
    if (state.settled()) {
      resolve(state);
    }
    items.put(item, state);
    if (state.lastEventTime != lastEventTime) {
      if (lastEventTime != Long.MIN_VALUE) {
        byTime.delete(timeKey(lastEventTime, item));
      }
      String key = timeKey(state.lastEventTime, item);
      byTime.put(key, item);
      nextExpiry = Math.min(nextExpiry, state.lastEventTime);
      if (expiredThrough != null && key.compareTo(expiredThrough) < 0) {
        // A late article, before what expired already: the scan seeks to it, still past every older key.
        expiredThrough = key;
      }
    }
  }

  private static VersionState placeholder(String handle) {
    VersionState version = new VersionState();
    version.handle = handle;
    return version;
  }

  private void addVersion(ItemState state, DedupMessage message, long eventTime) {
    Article article = message.article();
    VersionState version = state.versions.computeIfAbsent(message.handle(), ResolverProcessor::placeholder);
    if (version.expectedKeys != null) {
      version.resends++;
      return;
    }
    version.id = article.getId();
    version.eventTime = eventTime;
    version.updatedAt = article.getUpdatedAt() == null ? null : article.getUpdatedAt().toEpochMilli();
    version.versionTime = version.updatedAt != null ? version.updatedAt : version.eventTime;
    version.fingerprint = article.getFingerprint();
    version.expectedKeys = List.copyOf(message.keys());
    version.article = articles.serializer().serialize(STORE, article);
  }

  private void resolve(ItemState state) {
    ItemDecision.Verdict verdict = ItemDecision.decide(state);
    long time = verdict.root().eventTime;
    for (VersionState version : state.versions.values()) {
      VersionState.Notice wanted = verdict.notices().get(version.handle);
      if (wanted != null && !wanted.sameAs(version.notice)) {
        sendNotice(version, wanted, time);
      }
      version.notice = wanted;
      for (; version.resends > 0; version.resends--) {
        // The same version again: a copy of whatever it already is, or of itself when it is the counted root.
        sendNotice(version, wanted != null ? wanted : new VersionState.Notice(version.id,
            state.item.startsWith("url:") ? DuplicateKind.EXACT_URL : DuplicateKind.EXACT_CONTENT, null), time);
      }
    }
    String countKey = verdict.counted() ? verdict.root().handle : null;
    if (state.countedKey != null && !state.countedKey.equals(countKey)) {
      context.forward(new Record<>(state.countedKey, Resolution.withdraw(state.countedKey), time));
      LOG.debug("event=count-withdrawn item={} key={}", state.item, state.countedKey);
      state.countedKey = null;
      state.published = null;
    }
    if (countKey != null) {
      String published = verdict.current().handle + "|" + verdict.revision() + "|" + verdict.root().id;
      if (!published.equals(state.published) && verdict.current().article != null) {
        Article article = Article.newBuilder(articles.deserializer().deserialize(STORE, verdict.current().article))
            .setId(verdict.root().id)
            .setRevision(verdict.revision())
            .build();
        context.forward(new Record<>(countKey, Resolution.publish(article, countKey), time));
        state.published = published;
        state.countedKey = countKey;
      }
    }
    // Only the current version can be published again; the others' texts are no longer needed.
    for (VersionState version : state.versions.values()) {
      if (version != verdict.current()) {
        version.article = null;
      }
    }
  }

  private void sendNotice(VersionState version, VersionState.Notice notice, long time) {
    DuplicateNotice duplicate = DuplicateNotice.newBuilder()
        .setId(version.id)
        .setDuplicateOf(notice.duplicateOf())
        .setKind(notice.kind())
        .setDistance(notice.distance())
        .setDetectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
    context.forward(new Record<>(version.id, Resolution.notice(duplicate), time));
  }

  /**
   * Forgets, in event-time order, the items last heard of before {@code before} (stream time minus two
   * retentions). It stops at an item whose version is still waiting for reports, and goes on from there once
   * that item has settled: forgetting it would lose its article for good (the version never comes again). Its
   * reports are on their way (exactly-once: every indexed key reports), but come through other tasks, which in
   * a replay run weeks of event time behind the versions that set this task's stream time; no time limit is
   * safe there. An item without any version (only matches of others) waits for nothing.
   */
  private void expire(long before) {
    if (before <= Long.MIN_VALUE + 2 * retention.toMillis() || before <= nextExpiry) {
      return;
    }
    List<KeyValue<String, String>> expired = new ArrayList<>();
    String waiting = null;
    // Nothing at or after `before` is due yet: once the scan runs out, the next call is due as soon as stream
    // time moves on (items added meanwhile lower it further, in process()).
    long next = before;
    // Bounded above: the in-memory store copies the keys of a range before iterating them, so an open range
    // copied every item of the task on each call, which after the first two retentions is every message (a 1M
    // soak fell from 180 to 40 articles/s there). Every key of an item last heard of before `before` sorts
    // below timeKey(before, "").
    try (KeyValueIterator<String, String> it = byTime.range(expiredThrough, timeKey(before, ""))) {
      while (it.hasNext()) {
        KeyValue<String, String> entry = it.next();
        long time = timeOf(entry.key);
        if (expired.size() == MAX_EXPIRED_PER_RECORD) {
          next = time;
          break;
        }
        if (isWaiting(entry.value)) {
          // Looked at again with every message until it settles: one read.
          waiting = entry.key;
          next = time;
          break;
        }
        expired.add(entry);
      }
    }
    nextExpiry = next;
    if (waiting != null) {
      expiredThrough = waiting;
    } else if (!expired.isEmpty()) {
      expiredThrough = expired.get(expired.size() - 1).key;
    }
    for (KeyValue<String, String> entry : expired) {
      byTime.delete(entry.key);
      items.delete(entry.value);
    }
  }

  private boolean isWaiting(String item) {
    ItemState state = items.get(item);
    return state != null && !state.versions.isEmpty() && !state.settled();
  }

  /** Zero-padded so that string order is time order; times before 1970 sort first. */
  private static String timeKey(long time, String item) {
    return ZeroPadded.of(time - Long.MIN_VALUE / 2, TIME_DIGITS) + "|" + item;
  }

  private static long timeOf(String timeKey) {
    return Long.parseLong(timeKey.substring(0, TIME_DIGITS)) + Long.MIN_VALUE / 2;
  }
}
