package io.newsflow.streams.trends;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.dlq.DeadLetters;
import io.newsflow.streams.keywords.Keywords;
import io.newsflow.streams.support.JsonSerde;
import io.newsflow.streams.support.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counts, per keyword and tumbling event-time window, the unique articles that mention it, and publishes each
 * window's top N (by article count; ties by how prominent the keyword was in those articles): again while the
 * window is open (at most once per emit interval, and only when it changed), and one last time, marked final,
 * when stream time passes the window's end plus the grace period. An article arriving after that is too late
 * to count; it goes to the dead-letter topic rather than vanishing.
 *
 * <p>Each counted article's contribution (window and keywords) is kept under its count key until its window
 * closes. A revision of a counted article takes its old keywords out and puts its new ones in, in the same
 * window, so it never counts twice and the totals stay exact; a withdrawal (the article turned out to be a
 * duplicate of an earlier one) takes it out.
 *
 * <p>All articles reach one task (the input is keyed by a constant) because a top-N list needs every keyword
 * of a window, and a window can only close on the stream time of the task that holds it.
 */
public final class TrendsProcessor implements Processor<String, TrendChange, String, Outcome<TrendSnapshot>> {

  public static final String NAME = "trends";
  public static final String TALLY_STORE = "trend-keyword-tallies";
  public static final String WINDOW_STORE = "trend-open-windows";
  public static final String CONTRIBUTION_STORE = "trend-article-contributions";

  private static final String DIRTY = "dirty";
  private static final String CLEAN = "clean";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long size;
  private final long grace;
  private final int topN;
  private final Duration emitInterval;
  private ProcessorContext<String, Outcome<TrendSnapshot>> context;
  private KeyValueStore<String, KeywordTally> tallies;
  private KeyValueStore<String, String> windows;
  private KeyValueStore<String, Contribution> contributions;

  private TrendsProcessor(Duration size, Duration grace, int topN, Duration emitInterval) {
    this.size = size.toMillis();
    this.grace = grace.toMillis();
    this.topN = topN;
    this.emitInterval = emitInterval;
  }

  public static ProcessorSupplier<String, TrendChange, String, Outcome<TrendSnapshot>> supplier(
      Duration size, Duration grace, int topN, Duration emitInterval) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, TrendChange, String, Outcome<TrendSnapshot>> get() {
        return new TrendsProcessor(size, grace, topN, emitInterval);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TALLY_STORE),
                Serdes.String(), new JsonSerde<>(KeywordTally.class)),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOW_STORE),
                Serdes.String(), Serdes.String()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTRIBUTION_STORE),
                Serdes.String(), new JsonSerde<>(Contribution.class)));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Outcome<TrendSnapshot>> context) {
    this.context = context;
    this.tallies = context.getStateStore(TALLY_STORE);
    this.windows = context.getStateStore(WINDOW_STORE);
    this.contributions = context.getStateStore(CONTRIBUTION_STORE);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
      emitChangedWindows();
      closeWindowsBefore(context.currentStreamTimeMs());
    });
  }

  @Override
  public void process(Record<String, TrendChange> record) {
    TrendChange change = record.value();
    long streamTime = context.currentStreamTimeMs();
    Contribution before = contributions.get(change.key());
    if (change.withdraw()) {
      if (before != null) {
        apply(before, -1);
        contributions.delete(change.key());
      }
      closeWindowsBefore(streamTime);
      return;
    }
    long eventTime = record.timestamp();
    long start = eventTime - Math.floorMod(eventTime, size);
    // A revision stays in the window its article was counted in.
    long window = before != null ? before.windowStart() : start;
    if (before == null && start + size + grace <= streamTime) {
      rejectLate(record, start, streamTime);
      return;
    }
    if (before != null) {
      apply(before, -1);
    }
    Contribution after = new Contribution(window, change.keywords());
    apply(after, +1);
    contributions.put(change.key(), after);
    closeWindowsBefore(streamTime);
  }

  /** Adds ({@code sign} +1) or takes back (-1) one article's keywords in its window. */
  private void apply(Contribution contribution, int sign) {
    int rank = 0;
    for (Map.Entry<String, String> keyword : distinctKeywords(contribution.keywords()).entrySet()) {
      String key = WindowKeys.tally(contribution.windowStart(), keyword.getKey());
      String form = keyword.getValue();
      long weight = KeywordTally.weightOfRank(rank++);
      KeywordTally tally = tallies.get(key);
      KeywordTally updated = sign > 0
          ? (tally == null ? KeywordTally.first(form, weight) : tally.plus(form, weight))
          : (tally == null ? null : tally.minus(form, weight));
      if (updated == null) {
        tallies.delete(key);
      } else {
        tallies.put(key, updated);
      }
    }
    windows.put(WindowKeys.window(contribution.windowStart()), DIRTY);
  }

  /** An article counts once per keyword, under the normalized key, whatever forms it used. */
  private static Map<String, String> distinctKeywords(List<String> keywords) {
    Map<String, String> byKey = new java.util.LinkedHashMap<>();
    for (String display : keywords) {
      byKey.putIfAbsent(Keywords.key(display), display);
    }
    return byKey;
  }

  private void emitChangedWindows() {
    List<String> changed = new ArrayList<>();
    try (KeyValueIterator<String, String> it = windows.all()) {
      it.forEachRemaining(kv -> {
        if (DIRTY.equals(kv.value)) {
          changed.add(kv.key);
        }
      });
    }
    for (String window : changed) {
      emit(WindowKeys.windowStart(window), false);
      windows.put(window, CLEAN);
    }
  }

  private void closeWindowsBefore(long streamTime) {
    List<String> closing = new ArrayList<>();
    try (KeyValueIterator<String, String> it = windows.all()) {
      it.forEachRemaining(kv -> {
        if (WindowKeys.windowStart(kv.key) + size + grace <= streamTime) {
          closing.add(kv.key);
        }
      });
    }
    for (String window : closing) {
      long start = WindowKeys.windowStart(window);
      emit(start, true);
      deleteTallies(start);
      deleteContributions(start);
      windows.delete(window);
    }
  }

  private void emit(long start, boolean isFinal) {
    TrendSnapshot snapshot = TrendSnapshot.newBuilder()
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(start + size))
        .setFinal$(isFinal)
        .setEntries(topEntries(start))
        .build();
    context.forward(new Record<>(WindowKeys.snapshotKey(start), Outcome.ok(snapshot),
        context.currentSystemTimeMs()));
  }

  private List<TrendEntry> topEntries(long start) {
    List<KeyValue<String, KeywordTally>> all = new ArrayList<>();
    try (KeyValueIterator<String, KeywordTally> it =
        tallies.range(WindowKeys.rangeFrom(start), WindowKeys.rangeTo(start))) {
      it.forEachRemaining(all::add);
    }
    all.sort(Comparator.<KeyValue<String, KeywordTally>>comparingLong(kv -> -kv.value.articles())
        .thenComparingLong(kv -> -kv.value.weight())
        .thenComparing(kv -> kv.key));
    List<TrendEntry> entries = new ArrayList<>();
    for (KeyValue<String, KeywordTally> kv : all.subList(0, Math.min(topN, all.size()))) {
      entries.add(new TrendEntry(kv.value.display(), kv.value.articles(), entries.size() + 1));
    }
    return entries;
  }

  private void deleteTallies(long start) {
    Set<String> keys = new LinkedHashSet<>();
    try (KeyValueIterator<String, KeywordTally> it =
        tallies.range(WindowKeys.rangeFrom(start), WindowKeys.rangeTo(start))) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(tallies::delete);
  }

  private void deleteContributions(long start) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, Contribution> it = contributions.all()) {
      it.forEachRemaining(kv -> {
        if (kv.value.windowStart() == start) {
          keys.add(kv.key);
        }
      });
    }
    keys.forEach(contributions::delete);
  }

  private void rejectLate(Record<String, TrendChange> record, long start, long streamTime) {
    TrendChange change = record.value();
    String reason = String.format("late: event time %s is past the grace period of window [%s, %s), "
            + "stream time is %s", Instant.ofEpochMilli(record.timestamp()), Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(start + size), Instant.ofEpochMilli(streamTime));
    byte[] value;
    try {
      value = JSON.writeValueAsBytes(change);
    } catch (JsonProcessingException e) {
      value = change.toString().getBytes(StandardCharsets.UTF_8);
    }
    String id = change.articleId();
    context.forward(new Record<>(id, Outcome.failed(DeadLetters.of(NAME, reason, context,
        id == null ? null : id.getBytes(StandardCharsets.UTF_8), value, record.timestamp())), record.timestamp()));
  }
}
