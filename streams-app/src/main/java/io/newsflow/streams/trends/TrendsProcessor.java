package io.newsflow.streams.trends;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.dlq.DeadLetters;
import io.newsflow.streams.support.EagerCommit;
import io.newsflow.streams.support.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, per window size, tumbling event-time window and keyword, the unique articles that mention it, scores
 * each keyword against its own history ({@link Scoring}) and publishes each window's top N: again while the window
 * is open (at most once per emit interval, and only when it changed), and one last time, marked final, when it
 * closes. A window closes when stream time passes its end plus the grace period, or, when no record has come for
 * the idle-close time, when the wall clock passes its end plus grace plus idle-close. An article too late for
 * every window size goes to the dead-letter topic rather than vanishing; too late for some only, it is counted
 * in the others.
 *
 * <p>Closing a window folds its keywords' shares into the history of its size; the open windows of that size
 * then change (their expected counts move) and are published again. Windows of a size close in start order, so
 * the final snapshot of a window is scored against exactly the windows of its size before it.
 *
 * <p>Each counted article's contribution (event time, keywords, the sizes it counts in) is kept under its count
 * key until its windows close. A revision of a counted article takes its old keywords out and puts its new ones
 * in, in the same windows, so it never counts twice and the totals stay exact; a withdrawal (the article turned
 * out to be a duplicate of an earlier one) takes it out.
 *
 * <p>All articles reach one task (the input is keyed by a constant) because a top-N list needs every keyword
 * of a window, and a window can only close on the stream time of the task that holds it.
 */
public final class TrendsProcessor implements Processor<String, TrendChange, String, Outcome<TrendSnapshot>> {

  public static final String NAME = "trends";
  public static final String TALLY_STORE = "trend-keyword-tallies";
  public static final String WINDOW_STORE = "trend-open-windows";
  public static final String CONTRIBUTION_STORE = "trend-article-contributions";
  /** Per window size and keyword: {@link KeywordHistory}. */
  public static final String HISTORY_STORE = "trend-keyword-history";
  /** Per window size: {@link WindowProgress}. */
  public static final String PROGRESS_STORE = "trend-window-progress";

  /** A keyword expected in fewer than this share of a window's articles is forgotten: it would count as new. */
  static final double FORGET_SHARE = 1e-4;

  /**
   * Windows closed in one call at most; the next record or punctuation closes the rest, in the same order. A jump
   * in stream time (a replay crossing a gap of weeks) would otherwise close dozens of windows in one transaction,
   * and an exactly-once transaction open longer than its timeout (10 s in Kafka Streams) is fenced.
   */
  static final int MAX_CLOSES_PER_CALL = 8;

  private static final Logger LOG = LoggerFactory.getLogger(TrendsProcessor.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrendSettings settings;
  private final List<Long> sizes;
  private final long grace;
  private final long idleClose;
  private final Scoring scoring;
  private ProcessorContext<String, Outcome<TrendSnapshot>> context;
  private EagerCommit.Trigger commits;
  private KeyValueStore<String, KeywordTally> tallies;
  private KeyValueStore<String, OpenWindow> windows;
  private KeyValueStore<String, Contribution> contributions;
  private KeyValueStore<String, KeywordHistory> history;
  private KeyValueStore<String, WindowProgress> progress;
  /** Wall-clock time of the last input record (or of start-up): the input is idle from then on. */
  private long lastInputAt;
  /** The earliest end plus grace of the open windows: nothing can close before stream time reaches it. */
  private long nextCloseAt;

  private TrendsProcessor(TrendSettings settings) {
    this.settings = settings;
    this.sizes = settings.windows().stream().map(Duration::toMillis).toList();
    this.grace = settings.grace().toMillis();
    this.idleClose = settings.idleClose().toMillis();
    this.scoring = settings.scoring();
  }

  public static ProcessorSupplier<String, TrendChange, String, Outcome<TrendSnapshot>> supplier(
      TrendSettings settings) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, TrendChange, String, Outcome<TrendSnapshot>> get() {
        return new TrendsProcessor(settings);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        // In memory: the stage holds its open windows, their tallies and contributions, and a history capped at
        // newsflow.trends.history-max-keywords per size, so the state is bounded. Each store is still logged
        // and restored from its changelog. Tallies and windows are written for every article, the same keys
        // over and over: the cache sends only their last value per commit to the changelog.
        return Set.of(
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TALLY_STORE),
                Serdes.String(), TrendSerdes.tallies()).withCachingEnabled(),
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WINDOW_STORE),
                Serdes.String(), TrendSerdes.windows()).withCachingEnabled(),
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CONTRIBUTION_STORE),
                Serdes.String(), TrendSerdes.contributions()),
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HISTORY_STORE),
                Serdes.String(), TrendSerdes.history()),
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROGRESS_STORE),
                Serdes.String(), TrendSerdes.progress()));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Outcome<TrendSnapshot>> context) {
    this.context = context;
    this.commits = EagerCommit.schedule(context);
    this.tallies = context.getStateStore(TALLY_STORE);
    this.windows = context.getStateStore(WINDOW_STORE);
    this.contributions = context.getStateStore(CONTRIBUTION_STORE);
    this.history = context.getStateStore(HISTORY_STORE);
    this.progress = context.getStateStore(PROGRESS_STORE);
    this.lastInputAt = context.currentSystemTimeMs();
    this.nextCloseAt = earliestClose();
    context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
  }

  private void punctuate(long now) {
    closeWindows(context.currentStreamTimeMs(), false);
    if (now - lastInputAt >= idleClose) {
      closeWindows(now - idleClose, true);
    }
    emitChangedWindows();
    // A snapshot is visible to readers of news.trends only once committed.
    commits.processed();
  }

  @Override
  public void process(Record<String, TrendChange> record) {
    commits.processed();
    lastInputAt = context.currentSystemTimeMs();
    TrendChange change = record.value();
    long streamTime = context.currentStreamTimeMs();
    Contribution before = contributions.get(change.key());
    if (change.withdraw()) {
      if (before != null) {
        apply(before, -1);
        contributions.delete(change.key());
      }
    } else if (before != null) {
      // A revision stays in the windows its article was counted in.
      apply(before, -1);
      Contribution after = new Contribution(change.articleId(), before.eventTime(), change.keywords(),
          before.sizes());
      apply(after, +1);
      contributions.put(change.key(), after);
    } else {
      long eventTime = record.timestamp();
      List<Long> open = sizes.stream().filter(size -> !isLate(size, eventTime, streamTime)).toList();
      if (open.isEmpty()) {
        rejectLate(record, streamTime);
        return;
      }
      if (open.size() < sizes.size()) {
        LOG.debug("event=late-for-some-windows article={} eventTime={} countedIn={}", change.articleId(),
            Instant.ofEpochMilli(eventTime), open.stream().map(WindowKeys::sizeName).toList());
      }
      Contribution counted = new Contribution(change.articleId(), eventTime, change.keywords(), open);
      apply(counted, +1);
      contributions.put(change.key(), counted);
    }
    closeWindows(streamTime, false);
  }

  private static long windowStart(long eventTime, long size) {
    return TrendCounting.windowStart(eventTime, size);
  }

  private boolean isLate(long size, long eventTime, long streamTime) {
    long end = windowStart(eventTime, size) + size;
    return end + grace <= streamTime || end <= progressOf(size).closedThrough();
  }

  private WindowProgress progressOf(long size) {
    WindowProgress found = progress.get(WindowKeys.progress(size));
    return found == null ? WindowProgress.NONE : found;
  }

  /** Adds ({@code sign} +1) or takes back (-1) one article's keywords in its window of each size. */
  private void apply(Contribution contribution, int sign) {
    Map<String, String> keywords = distinctKeywords(contribution.keywords());
    for (long size : contribution.sizes()) {
      long start = windowStart(contribution.eventTime(), size);
      int rank = 0;
      for (Map.Entry<String, String> keyword : keywords.entrySet()) {
        String key = WindowKeys.tally(size, start, keyword.getKey());
        String form = keyword.getValue();
        long weight = KeywordTally.weightOfRank(rank++);
        KeywordTally tally = tallies.get(key);
        KeywordTally updated;
        if (sign > 0) {
          TopArticle article = new TopArticle(contribution.articleId(), weight, contribution.eventTime());
          updated = tally == null ? KeywordTally.first(form, article) : tally.plus(form, article);
        } else {
          updated = tally == null ? null : tally.minus(form, weight, contribution.articleId());
        }
        if (updated == null) {
          tallies.delete(key);
        } else {
          tallies.put(key, updated);
        }
      }
      String windowKey = WindowKeys.window(size, start);
      OpenWindow window = windows.get(windowKey);
      long articles = (window == null ? 0 : window.articles()) + sign;
      windows.put(windowKey, new OpenWindow(Math.max(0, articles), true));
      if (window == null) {
        nextCloseAt = Math.min(nextCloseAt, start + size + grace);
      }
    }
  }

  private static Map<String, String> distinctKeywords(List<String> keywords) {
    return TrendCounting.distinctKeywords(keywords);
  }

  private void emitChangedWindows() {
    List<String> changed = new ArrayList<>();
    try (KeyValueIterator<String, OpenWindow> it = windows.all()) {
      it.forEachRemaining(kv -> {
        if (kv.value.changed()) {
          changed.add(kv.key);
        }
      });
    }
    for (String key : changed) {
      OpenWindow window = windows.get(key);
      emit(WindowKeys.sizeOf(key), WindowKeys.startOf(key), window.articles(), false);
      windows.put(key, new OpenWindow(window.articles(), false));
    }
  }

  /**
   * Closes every window whose end plus grace is at or before {@code time}: stream time, or ({@code onWallClock})
   * the wall clock minus the idle-close time. Finals go out in order of window end, then size.
   */
  private void closeWindows(long time, boolean onWallClock) {
    if (time < nextCloseAt) {
      return;
    }
    BiPredicate<Long, Long> closes = (size, start) -> start + size + grace <= time;
    List<String> closing = new ArrayList<>();
    try (KeyValueIterator<String, OpenWindow> it = windows.all()) {
      it.forEachRemaining(kv -> {
        if (closes.test(WindowKeys.sizeOf(kv.key), WindowKeys.startOf(kv.key))) {
          closing.add(kv.key);
        }
      });
    }
    closing.sort(Comparator.comparingLong((String key) -> WindowKeys.startOf(key) + WindowKeys.sizeOf(key))
        .thenComparingLong(WindowKeys::sizeOf));
    Set<Long> closedSizes = new HashSet<>();
    Map<Long, Set<Long>> closedStarts = new LinkedHashMap<>();
    for (String key : closing.subList(0, Math.min(MAX_CLOSES_PER_CALL, closing.size()))) {
      long size = WindowKeys.sizeOf(key);
      long start = WindowKeys.startOf(key);
      OpenWindow window = windows.get(key);
      emit(size, start, window.articles(), true);
      foldIntoHistory(size, start, window.articles());
      deleteTallies(size, start);
      windows.delete(key);
      closedSizes.add(size);
      closedStarts.computeIfAbsent(size, s -> new HashSet<>()).add(start);
      if (onWallClock) {
        LOG.info("event=window-closed-idle window={} idleFor={}", WindowKeys.snapshotKey(size, start),
            Duration.ofMillis(context.currentSystemTimeMs() - lastInputAt));
      }
    }
    closedSizes.forEach(this::forget);
    deleteContributions(closedStarts);
    markChanged(closedSizes);
    nextCloseAt = earliestClose();
  }

  /** The window's counts go into its size's history; then the least expected keywords are forgotten. */
  private void foldIntoHistory(long size, long start, long articles) {
    WindowProgress before = progressOf(size);
    if (articles > 0) {
      try (KeyValueIterator<String, KeywordTally> it =
          tallies.range(WindowKeys.rangeFrom(size, start), WindowKeys.rangeTo(size, start))) {
        while (it.hasNext()) {
          KeyValue<String, KeywordTally> kv = it.next();
          String key = WindowKeys.history(size, WindowKeys.keywordOfTally(kv.key));
          history.put(key, scoring.updated(history.get(key), before.closedWindows(), kv.value.articles()));
        }
      }
    }
    progress.put(WindowKeys.progress(size), scoring.closed(before, articles, start + size));
  }

  /** Forgets the keywords of a size whose expected share fell below {@link #FORGET_SHARE}, and the excess. */
  private void forget(long size) {
    WindowProgress after = progressOf(size);
    List<String> forgotten = new ArrayList<>();
    List<KeyValue<String, Double>> kept = new ArrayList<>();
    try (KeyValueIterator<String, KeywordHistory> it =
        history.range(WindowKeys.historyFrom(size), WindowKeys.historyTo(size))) {
      it.forEachRemaining(kv -> {
        double share = scoring.share(kv.value, after);
        if (share < FORGET_SHARE) {
          forgotten.add(kv.key);
        } else {
          kept.add(KeyValue.pair(kv.key, share));
        }
      });
    }
    int excess = kept.size() - settings.historyMaxKeywords();
    if (excess > 0) {
      kept.sort(Comparator.comparingDouble((KeyValue<String, Double> kv) -> kv.value).thenComparing(kv -> kv.key));
      kept.subList(0, excess).forEach(kv -> forgotten.add(kv.key));
    }
    forgotten.forEach(history::delete);
  }

  /** The open windows of sizes whose history just changed: their expected counts and scores moved. */
  private void markChanged(Set<Long> closedSizes) {
    if (closedSizes.isEmpty()) {
      return;
    }
    List<KeyValue<String, OpenWindow>> stale = new ArrayList<>();
    try (KeyValueIterator<String, OpenWindow> it = windows.all()) {
      it.forEachRemaining(kv -> {
        if (closedSizes.contains(WindowKeys.sizeOf(kv.key)) && !kv.value.changed()) {
          stale.add(kv);
        }
      });
    }
    stale.forEach(kv -> windows.put(kv.key, new OpenWindow(kv.value.articles(), true)));
  }

  private long earliestClose() {
    long earliest = Long.MAX_VALUE;
    try (KeyValueIterator<String, OpenWindow> it = windows.all()) {
      while (it.hasNext()) {
        String key = it.next().key;
        earliest = Math.min(earliest, WindowKeys.startOf(key) + WindowKeys.sizeOf(key) + grace);
      }
    }
    return earliest;
  }

  private void emit(long size, long start, long articles, boolean isFinal) {
    WindowProgress sofar = progressOf(size);
    List<TrendEntry> entries = topEntries(size, start, articles, sofar);
    List<String> trending = entries.stream()
        .filter(e -> scoring.isTrending(e.getArticleCount(), e.getScore(), sofar.closedWindows()))
        .map(TrendEntry::getKeyword)
        .toList();
    TrendSnapshot snapshot = TrendSnapshot.newBuilder()
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(start + size))
        .setFinal$(isFinal)
        .setEntries(entries)
        .setWindowSize(WindowKeys.sizeName(size))
        .setTrending(trending)
        .build();
    context.forward(new Record<>(WindowKeys.snapshotKey(size, start), Outcome.ok(snapshot),
        context.currentSystemTimeMs()));
  }

  /** A keyword of a window with its expected count and score. */
  private record Scored(String key, KeywordTally tally, double expected, double score, boolean eligible) {}

  /**
   * The top N: keywords with at least min-count articles first, by score, then article count, then prominence
   * (weight), then keyword; a window with fewer such keywords than N is filled with the others, in the same order.
   */
  private List<TrendEntry> topEntries(long size, long start, long articles, WindowProgress sofar) {
    List<Scored> all = new ArrayList<>();
    try (KeyValueIterator<String, KeywordTally> it =
        tallies.range(WindowKeys.rangeFrom(size, start), WindowKeys.rangeTo(size, start))) {
      while (it.hasNext()) {
        KeyValue<String, KeywordTally> kv = it.next();
        String keyword = WindowKeys.keywordOfTally(kv.key);
        double expected = scoring.expected(articles, history.get(WindowKeys.history(size, keyword)), sofar);
        long count = kv.value.articles();
        all.add(new Scored(keyword, kv.value, Scoring.round(expected),
            Scoring.round(scoring.score(count, expected)), count >= scoring.minCount()));
      }
    }
    all.sort(Comparator.comparing((Scored s) -> !s.eligible())
        .thenComparingDouble(s -> -s.score())
        .thenComparingLong(s -> -s.tally().articles())
        .thenComparingLong(s -> -s.tally().weight())
        .thenComparing(Scored::key));
    List<TrendEntry> entries = new ArrayList<>();
    for (Scored s : all.subList(0, Math.min(settings.topN(), all.size()))) {
      entries.add(TrendEntry.newBuilder()
          .setKeyword(s.tally().display())
          .setArticleCount(s.tally().articles())
          .setRank(entries.size() + 1)
          .setExpected(s.expected())
          .setScore(s.score())
          .setTopArticles(s.tally().topArticleIds())
          .build());
    }
    return entries;
  }

  private void deleteTallies(long size, long start) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, KeywordTally> it =
        tallies.range(WindowKeys.rangeFrom(size, start), WindowKeys.rangeTo(size, start))) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(tallies::delete);
  }

  /** Contributions stop at their closed windows; one whose windows have all closed is forgotten. */
  private void deleteContributions(Map<Long, Set<Long>> closedStarts) {
    if (closedStarts.isEmpty()) {
      return;
    }
    List<KeyValue<String, Contribution>> changed = new ArrayList<>();
    try (KeyValueIterator<String, Contribution> it = contributions.all()) {
      it.forEachRemaining(kv -> {
        Contribution left = kv.value;
        for (long size : kv.value.sizes()) {
          Set<Long> starts = closedStarts.get(size);
          if (starts != null && starts.contains(windowStart(kv.value.eventTime(), size))) {
            left = left.withoutSize(size);
          }
        }
        if (left != kv.value) {
          changed.add(KeyValue.pair(kv.key, left));
        }
      });
    }
    for (KeyValue<String, Contribution> kv : changed) {
      if (kv.value.sizes().isEmpty()) {
        contributions.delete(kv.key);
      } else {
        contributions.put(kv.key, kv.value);
      }
    }
  }

  private void rejectLate(Record<String, TrendChange> record, long streamTime) {
    TrendChange change = record.value();
    long eventTime = record.timestamp();
    List<String> pastGrace = new ArrayList<>();
    List<String> closedIdle = new ArrayList<>();
    for (long size : sizes) {
      long start = windowStart(eventTime, size);
      String window = String.format("window %s[%s, %s)", sizes.size() > 1 ? WindowKeys.sizeName(size) + " " : "",
          Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + size));
      (start + size + grace <= streamTime ? pastGrace : closedIdle).add(window);
    }
    String reason = "late: event time " + Instant.ofEpochMilli(eventTime)
        + (pastGrace.isEmpty() ? "" : " is past the grace period of " + String.join(" and ", pastGrace))
        + (pastGrace.isEmpty() || closedIdle.isEmpty() ? "" : ", and")
        + (closedIdle.isEmpty() ? "" : " falls in " + String.join(" and ", closedIdle)
            + ", closed on the wall clock while the input was idle")
        + ", stream time is " + Instant.ofEpochMilli(streamTime);
    byte[] value;
    try {
      value = JSON.writeValueAsBytes(change);
    } catch (JsonProcessingException e) {
      value = change.toString().getBytes(StandardCharsets.UTF_8);
    }
    String id = change.articleId();
    context.forward(new Record<>(id, Outcome.failed(DeadLetters.of(NAME, reason, context,
        id == null ? null : id.getBytes(StandardCharsets.UTF_8), value, eventTime)), eventTime));
  }
}
