package io.newsflow.streams.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsflow.avro.Article;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON the API answers with, one record per shape, decoupled from the Avro classes so that a schema change
 * is a deliberate API change. Instances also exchange these shapes when one answers for another.
 */
final class Views {

  private Views() {}

  /** One article as stored, plus when this app indexed it. */
  record ArticleView(String id, String url, String title, String body, String language, String publisher,
      List<String> authors, String section, Instant publishedAt, Instant updatedAt, Instant fetchedAt,
      String fingerprint, List<String> keywords, int revision, Instant indexedAt) {

    static ArticleView of(Article a, long indexedAt) {
      return new ArticleView(a.getId(), a.getUrl(), a.getTitle(), a.getBody(), a.getLanguage(), a.getPublisher(),
          List.copyOf(a.getAuthors()), a.getSection(), a.getPublishedAt(), a.getUpdatedAt(), a.getFetchedAt(),
          a.getFingerprint(), List.copyOf(a.getKeywords()), a.getRevision(), Instant.ofEpochMilli(indexedAt));
    }
  }

  /** An article in the recent list: enough to show it, not its body. */
  record ArticleSummary(String id, String title, String publisher, Instant publishedAt, List<String> keywords,
      Instant indexedAt) {

    static ArticleSummary of(Article a, long indexedAt) {
      return new ArticleSummary(a.getId(), a.getTitle(), a.getPublisher(), a.getPublishedAt(),
          List.copyOf(a.getKeywords()), Instant.ofEpochMilli(indexedAt));
    }
  }

  /** Recent articles, newest first. */
  record RecentView(List<ArticleSummary> articles) {
  }

  /**
   * One keyword of a window: its article count, the count its history predicted, and its trending score.
   */
  record EntryView(int rank, String keyword, long count, Double expected, Double score) {

    static EntryView of(TrendEntry e) {
      return new EntryView(e.getRank(), e.getKeyword(), e.getArticleCount(), e.getExpected(), e.getScore());
    }
  }

  /** The top keywords of one window, as last published. */
  record SnapshotView(String window, Instant windowStart, Instant windowEnd,
      @JsonProperty("final") boolean isFinal, List<EntryView> entries) {

    static SnapshotView of(TrendSnapshot s) {
      return new SnapshotView(Duration.between(s.getWindowStart(), s.getWindowEnd()).toString(),
          s.getWindowStart(), s.getWindowEnd(), s.getFinal$(),
          s.getEntries().stream().map(EntryView::of).toList());
    }
  }

  /** Windows of one size, oldest first. */
  record HistoryView(String window, List<SnapshotView> snapshots) {
  }

  /** One window of a keyword's history; rank and count are null where the keyword was not in the top list. */
  record KeywordPoint(Instant windowStart, Instant windowEnd, @JsonProperty("final") boolean isFinal,
      Integer rank, Long count, Double expected, Double score) {
  }

  /** A keyword across the known windows of one size, oldest first. */
  record KeywordView(String keyword, String window, List<KeywordPoint> windows) {
  }

  /** Exact outcome counts across all instances, and how far the app is behind its input. */
  record StatsView(long articlesIn, long unique, Breakdown duplicates, Breakdown deadLetters, LagView consumerLag,
      List<String> instances, Instant at) {
  }

  /** A total and its parts (duplicates by kind, dead letters by stage). */
  record Breakdown(long total, Map<String, Long> by) {
  }

  /** Records the app's consumer group has yet to read, in total and per topic; null when the cluster did not say. */
  record LagView(long total, Map<String, Long> byTopic) {
  }

  /** One instance's counters, as exchanged between instances. */
  record CountersView(Map<String, Long> counters) {
  }

  /** Snapshots of one instance, as exchanged between instances. */
  record SnapshotsView(List<SnapshotView> snapshots) {
  }

  record WindowsView(List<String> windows, @JsonProperty("default") String defaultWindow) {
  }

  record ErrorView(int status, String error) {
  }

  record HealthView(String status, String state, String reason) {
  }
}
