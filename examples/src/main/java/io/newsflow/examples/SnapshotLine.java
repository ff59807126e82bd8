package io.newsflow.examples;

import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.util.Locale;
import java.util.stream.Collectors;

/** One news.trends snapshot as one line of text: the window, whether it is final, its trending and top keywords. */
final class SnapshotLine {

  private SnapshotLine() {
  }

  /**
   * E.g. {@code PT1H/2025-02-24T08:00:00Z open trending=[딥시크] top=[딥시크 3, 오픈AI 2]}. The key already names the
   * window (size/start); {@code trending} are the keywords above the trend threshold, {@code top} the window's
   * ranked entries with their article counts.
   */
  static String format(String key, TrendSnapshot snapshot) {
    String top = snapshot.getEntries().stream()
        .map(SnapshotLine::entry)
        .collect(Collectors.joining(", ", "[", "]"));
    return String.format(Locale.ROOT, "%s %s trending=%s top=%s", key, snapshot.getFinal$() ? "final" : "open",
        snapshot.getTrending(), top);
  }

  private static String entry(TrendEntry entry) {
    return entry.getKeyword() + " " + entry.getArticleCount();
  }
}
