package io.newsflow.streams.api;

import io.newsflow.streams.api.Views.Breakdown;
import io.newsflow.streams.api.Views.EntryView;
import io.newsflow.streams.api.Views.KeywordPoint;
import io.newsflow.streams.api.Views.KeywordView;
import io.newsflow.streams.api.Views.LagView;
import io.newsflow.streams.api.Views.SnapshotView;
import io.newsflow.streams.api.Views.StatsView;
import io.newsflow.streams.keywords.Keywords;
import io.newsflow.streams.trends.TrendsProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Combines what the instances hold into the API's answers: pure functions over views, so the rules (which
 * snapshot is latest, how a keyword is matched, what "articles in" adds up) are tested without Kafka.
 */
final class TrendQueries {

  private TrendQueries() {}

  /** The newest {@code limit} snapshots, newest first; one per window start (instances never share one). */
  static List<SnapshotView> newestFirst(List<SnapshotView> snapshots, int limit) {
    List<SnapshotView> sorted = new ArrayList<>(snapshots);
    sorted.sort(Comparator.comparing(SnapshotView::windowStart).reversed());
    return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  /** The same snapshots oldest first, as history and charts read them. */
  static List<SnapshotView> oldestFirst(List<SnapshotView> newestFirst) {
    List<SnapshotView> reversed = new ArrayList<>(newestFirst);
    Collections.reverse(reversed);
    return reversed;
  }

  static Optional<SnapshotView> latest(List<SnapshotView> snapshots) {
    return snapshots.stream().max(Comparator.comparing(SnapshotView::windowStart));
  }

  /**
   * {@code keyword} in each window, oldest first. Matching uses the trends stage's counting key, so "ai" finds
   * "AI"; a window where it was not in the top list has a null rank and count.
   */
  static KeywordView keyword(String keyword, Duration window, List<SnapshotView> newestFirst) {
    String key = Keywords.key(keyword.strip());
    List<KeywordPoint> points = new ArrayList<>();
    String display = keyword.strip();
    for (SnapshotView snapshot : oldestFirst(newestFirst)) {
      Optional<EntryView> entry = snapshot.entries().stream()
          .filter(e -> Keywords.key(e.keyword()).equals(key))
          .findFirst();
      if (entry.isPresent()) {
        display = entry.get().keyword();
      }
      points.add(new KeywordPoint(snapshot.windowStart(), snapshot.windowEnd(), snapshot.isFinal(),
          entry.map(EntryView::rank).orElse(null), entry.map(EntryView::count).orElse(null),
          entry.map(EntryView::expected).orElse(null), entry.map(EntryView::score).orElse(null)));
    }
    return new KeywordView(display, window.toString(), points);
  }

  /**
   * The stats of the whole app from its summed counters. Every input record ends exactly once as a unique
   * article, a duplicate, or a dead letter of a stage before trends; so those add up to the articles read.
   */
  static StatsView stats(Map<String, Long> counters, LagView lag, List<String> instances, Instant at) {
    long unique = counters.getOrDefault(Counters.UNIQUE, 0L);
    Breakdown duplicates = breakdown(counters, Counters.DUPLICATE);
    Breakdown deadLetters = breakdown(counters, Counters.DEAD_LETTER);
    // The trends stage's dead letters are articles already counted as unique (too late for their window).
    long lateArticles = deadLetters.by().getOrDefault(TrendsProcessor.NAME, 0L);
    long in = unique + duplicates.total() + deadLetters.total() - lateArticles;
    return new StatsView(in, unique, duplicates, deadLetters, lag, instances, at);
  }

  private static Breakdown breakdown(Map<String, Long> counters, String prefix) {
    Map<String, Long> by = new TreeMap<>();
    counters.forEach((key, count) -> {
      if (key.startsWith(prefix)) {
        by.merge(key.substring(prefix.length()), count, Long::sum);
      }
    });
    return new Breakdown(by.values().stream().mapToLong(Long::longValue).sum(), by);
  }
}
