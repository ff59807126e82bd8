package io.newsflow.cli;

import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Renders the latest trend snapshot of each window as a plain-text table for a terminal: rank, keyword, article
 * count, expected count and score, and a {@code *} on the keywords that trend.
 */
final class TrendTable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private TrendTable() {}

  static String render(Collection<TrendSnapshot> snapshots, int limit) {
    StringBuilder out = new StringBuilder();
    for (TrendSnapshot snapshot : snapshots) {
      String start = TIME.format(snapshot.getWindowStart());
      String end = TIME.format(snapshot.getWindowEnd());
      out.append(String.format("%nwindow %s - %s UTC (%s%s)%n", start,
          withinOneDay(snapshot) ? end.substring(11) : end,
          snapshot.getWindowSize() == null ? "" : snapshot.getWindowSize() + ", ",
          snapshot.getFinal$() ? "final" : "open"));
      out.append(String.format("  %4s  %s %8s %9s %8s%n", "rank", pad("keyword", 24), "articles", "expected",
          "score"));
      Set<String> trending = new HashSet<>(snapshot.getTrending());
      snapshot.getEntries().stream().limit(limit)
          .forEach(entry -> out.append(row(entry, trending.contains(entry.getKeyword()))));
    }
    return out.toString();
  }

  /** A window shorter than a day, ending on its start's day or at the midnight after: "08:00 - 09:00". */
  private static boolean withinOneDay(TrendSnapshot snapshot) {
    Instant start = snapshot.getWindowStart();
    Instant lastMilli = snapshot.getWindowEnd().minusMillis(1);
    return Duration.between(start, snapshot.getWindowEnd()).compareTo(Duration.ofDays(1)) < 0
        && lastMilli.atZone(ZoneOffset.UTC).toLocalDate().equals(start.atZone(ZoneOffset.UTC).toLocalDate());
  }

  private static String row(TrendEntry entry, boolean trending) {
    return String.format(Locale.ROOT, "  %4d  %s %8d %9.2f %8.2f%s%n", entry.getRank(), pad(entry.getKeyword(), 24),
        entry.getArticleCount(), entry.getExpected(), entry.getScore(), trending ? "  *" : "");
  }

  /** Pads to a display width, counting Hangul and other wide characters as two columns. */
  static String pad(String text, int width) {
    int columns = text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    return text + " ".repeat(Math.max(0, width - columns));
  }

  private static boolean isWide(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
  }

  static String windowLabel(Instant start) {
    return TIME.format(start);
  }
}
