package io.newsflow.cli;

import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** Renders the latest trend snapshot of each window as a plain-text table for a terminal. */
final class TrendTable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private TrendTable() {}

  static String render(Collection<TrendSnapshot> snapshots, int limit) {
    StringBuilder out = new StringBuilder();
    for (TrendSnapshot snapshot : snapshots) {
      out.append(String.format("%nwindow %s - %s UTC%s%n", TIME.format(snapshot.getWindowStart()),
          TIME.format(snapshot.getWindowEnd()).substring(11), snapshot.getFinal$() ? " (final)" : " (open)"));
      out.append(String.format("  %4s  %-24s %8s%n", "rank", "keyword", "articles"));
      snapshot.getEntries().stream().limit(limit).forEach(entry -> out.append(row(entry)));
    }
    return out.toString();
  }

  private static String row(TrendEntry entry) {
    return String.format("  %4d  %s %8d%n", entry.getRank(), pad(entry.getKeyword(), 24), entry.getArticleCount());
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
