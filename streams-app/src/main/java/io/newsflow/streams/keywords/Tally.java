package io.newsflow.streams.keywords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the keywords of one article and votes on each one's display form; one per {@code extract} call.
 */
final class Tally {

  private static final Comparator<Entry> RANK =
      Comparator.comparingInt((Entry e) -> e.count).reversed().thenComparingInt(e -> e.firstSeen);

  private final Map<String, Entry> entries = new HashMap<>();

  private static final class Entry {
    final String key;
    final int firstSeen;
    int count;
    /** Body surface form to its count, in first-seen order so that ties go to the earlier form. */
    final Map<String, Integer> forms = new LinkedHashMap<>(4);
    /** The title's form, shown only when the body never uses the word. */
    String titleForm;

    Entry(String key, int firstSeen) {
      this.key = key;
      this.firstSeen = firstSeen;
    }

    String display() {
      String best = null;
      int bestCount = 0;
      for (Map.Entry<String, Integer> form : forms.entrySet()) {
        if (form.getValue() > bestCount) {
          best = form.getKey();
          bestCount = form.getValue();
        }
      }
      return best == null ? titleForm : best;
    }
  }

  /**
   * Counts one occurrence of {@code surface} (already NFKC) under {@code key}, {@code weight} times. Title
   * occurrences do not vote on the display form, because English headlines capitalize every word ("Mission").
   */
  void add(String key, String surface, int weight, boolean inTitle) {
    Entry entry = entries.computeIfAbsent(key, k -> new Entry(k, entries.size()));
    entry.count += weight;
    if (!inTitle) {
      entry.forms.merge(surface, 1, Integer::sum);
    } else if (entry.titleForm == null) {
      entry.titleForm = surface;
    }
  }

  /** All keywords by count, then by first occurrence. */
  List<Keyword> ranked() {
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(RANK);
    List<Keyword> out = new ArrayList<>(sorted.size());
    for (Entry e : sorted) {
      out.add(new Keyword(e.key, e.display(), e.count));
    }
    return out;
  }
}
