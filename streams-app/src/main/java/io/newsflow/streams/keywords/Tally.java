package io.newsflow.streams.keywords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the keywords of one article, votes on each one's display form and ranks them; one per {@code extract}
 * call. English occurrences also carry {@link Evidence} of the word being a name, which weighs in the rank.
 */
final class Tally {

  /** What the way an English word was written says about it being a name. */
  enum Evidence {
    /** An acronym (AI, GPUs) or mixed case (OpenAI, xAI): no common word is written so. */
    NAME_SPELLING,
    /** A capital inside a sentence (Nvidia), which a common word also gets now and then. */
    CAPITALIZED,
    /** No capital letter at all. */
    LOWER,
    /** A Korean common noun Nori knows, alone in its word (국내, 운영, 발생): informative only when rare. */
    COMMON_NOUN,
    /** A capital where any word takes one (sentence start, headline), or a script without case. */
    NONE
  }

  private static final Comparator<Entry> RANK =
      Comparator.comparingDouble((Entry e) -> e.score).reversed().thenComparingInt(e -> e.firstSeen);

  /**
   * The lead, a story's first sentences, states what it is about: its first this many keyword occurrences each
   * count {@link #LEAD_BONUS} more in the score (not in the count).
   */
  static final int LEAD_OCCURRENCES = 12;
  static final double LEAD_BONUS = 1;

  private final Map<String, Entry> entries = new HashMap<>();
  private int bodyOccurrences;

  private static final class Entry {
    final String key;
    final int firstSeen;
    int count;
    int occurrences;
    int spellingHits;
    int capitalHits;
    int lowerHits;
    int commonHits;
    /** What its occurrences in the lead add to its count. */
    double lead;
    double score;
    /** Body surface form to its count, in first-seen order so that ties go to the earlier form. */
    final Map<String, Integer> forms = new LinkedHashMap<>(4);
    /** The title's form, shown only when the body never uses the word. */
    String titleForm;
    /** Forms written as a name (title or body), same order; null until the first one. */
    Map<String, Integer> nameForms;

    Entry(String key, int firstSeen) {
      this.key = key;
      this.firstSeen = firstSeen;
    }

    /**
     * Spelled as a name once, or capitalized inside sentences more often than written in lower case: "OpenAI"
     * beside "openai" is the company, "Apple" once beside "apple" twice the fruit. A word only ever capitalized
     * at sentence starts ("Shares") has no such occurrence and is no name.
     */
    boolean isName() {
      return spellingHits > 0 || capitalHits > lowerHits;
    }

    /**
     * An English word written only in lower case and only once is a common word passing by, not a subject:
     * no POS model is at hand to tell nouns from verbs, and topical words recur.
     */
    boolean isPassingWord() {
      return occurrences == 1 && lowerHits == 1;
    }

    void addNameForm(String surface) {
      if (nameForms == null) {
        nameForms = new LinkedHashMap<>(4);
      }
      nameForms.merge(surface, 1, Integer::sum);
    }

    String display() {
      if (isName()) {
        return mostFrequent(nameForms);
      }
      String best = mostFrequent(forms);
      return best == null ? titleForm : best;
    }

    private static String mostFrequent(Map<String, Integer> counts) {
      String best = null;
      int bestCount = 0;
      for (Map.Entry<String, Integer> form : counts.entrySet()) {
        if (form.getValue() > bestCount) {
          best = form.getKey();
          bestCount = form.getValue();
        }
      }
      return best;
    }
  }

  /**
   * Counts one occurrence of {@code surface} (already NFKC) under {@code key}, {@code weight} times, with no
   * evidence about names (Korean, other languages). Title occurrences do not vote on the display form, because
   * English headlines capitalize every word ("Mission").
   */
  void add(String key, String surface, int weight, boolean inTitle) {
    add(key, surface, weight, inTitle, Evidence.NONE);
  }

  /** As {@link #add(String, String, int, boolean)}, for an English occurrence written as {@code evidence} says. */
  void add(String key, String surface, int weight, boolean inTitle, Evidence evidence) {
    Entry entry = entries.computeIfAbsent(key, k -> new Entry(k, entries.size()));
    entry.count += weight;
    if (!inTitle && bodyOccurrences++ < LEAD_OCCURRENCES) {
      entry.lead += LEAD_BONUS;
    }
    entry.occurrences++;
    if (!inTitle) {
      entry.forms.merge(surface, 1, Integer::sum);
    } else if (entry.titleForm == null) {
      entry.titleForm = surface;
    }
    switch (evidence) {
      case NAME_SPELLING -> {
        entry.spellingHits++;
        entry.addNameForm(surface);
      }
      case CAPITALIZED -> {
        entry.capitalHits++;
        entry.addNameForm(surface);
      }
      case LOWER -> entry.lowerHits++;
      case COMMON_NOUN -> entry.commonHits++;
      case NONE -> { }
    }
  }

  /**
   * All keywords but passing words, by score, then by first occurrence. The score is the count (title
   * occurrences weighted), times {@link KeywordExtractor#NAME_WEIGHT} for an English name, times how
   * informative the word is across news ({@code informativeness}, an inverse document frequency): a word
   * frequent in the article but common everywhere ranks below a rarer one.
   */
  List<Keyword> ranked(java.util.function.ToDoubleFunction<String> informativeness) {
    List<Entry> kept = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      if (!e.isPassingWord()) {
        double weight = e.isName() ? KeywordExtractor.NAME_WEIGHT
            : e.commonHits == e.occurrences ? KeywordExtractor.COMMON_NOUN_WEIGHT : 1;
        e.score = (e.count + e.lead) * weight * informativeness.applyAsDouble(e.key);
        kept.add(e);
      }
    }
    kept.sort(RANK);
    List<Keyword> out = new ArrayList<>(kept.size());
    for (Entry e : kept) {
      out.add(new Keyword(e.key, e.display(), e.count));
    }
    return out;
  }
}
