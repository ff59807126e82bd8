package io.newsflow.streams.keywords;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The compounds an article writes with a space and means as one term (선거구 획정안, 북미 정상회담, 무노조 경영,
 * AI 반도체): a bare noun followed, one space on, by a noun that the article writes after that first noun at least
 * {@value #MIN_PAIRS} times and in at least three quarters of the places it writes the second noun at all. The
 * second noun is then bound to the first in this article, so the pair is the keyword (획정안 alone says less than
 * 선거구 획정안), while a noun the article also uses on its own (정상회담 after 2차 and 북미) keeps both.
 *
 * <p>Titles that follow a person's name (문재인 대통령, 박원순 서울시장: {@code titles-ko.txt}) or precede it
 * (배우 김윤진) never join: the name is the keyword. Nor do names: Korean compounds are head-final and the head
 * of a spaced compound is a common noun ({@link KoreanKeywords} checks Nori's reading of it), while two names in a
 * row (이민호 김수현, 중국 일본) are a list. Decided within one article, from its title and body; names the
 * stream shows together across articles are the keyword model's ({@code 샘 알트만}). Fed word by word by
 * {@link NounStems}, which reads every word of the article anyway, so that the words are cut and stemmed once.
 * Not thread-safe.
 */
final class SpacedCompounds {

  static final int MIN_PAIRS = 2;
  private static final double BOUND_SHARE = 0.75;

  private final CharArraySet titles;
  private final Map<String, int[]> pairs = new HashMap<>();
  private final Map<String, int[]> nouns = new HashMap<>();
  private final Set<String> compounds = new HashSet<>();
  private String previous;

  SpacedCompounds(CharArraySet titles) {
    this.titles = titles;
  }

  /** Starts an article: forgets the last one's words. */
  void begin() {
    pairs.clear();
    nouns.clear();
    compounds.clear();
    previous = null;
  }

  /**
   * The next word of the article, as {@link NounStems} reads it (one pass for both): {@code noun} is what it writes
   * as a noun (its stem before a particle, or itself), null if nothing; {@code bare} when the word can open a
   * compound (a noun with nothing after it, or an acronym); {@code oneSpace} when a single space precedes it.
   * Null {@code word}: a word that can take no part, which ends any pair.
   */
  void word(String word, String noun, boolean bare, boolean oneSpace) {
    if (noun != null) {
      nouns.computeIfAbsent(noun, n -> new int[1])[0]++;
      if (previous != null && oneSpace && !titles.contains(previous) && !title(noun)) {
        pairs.computeIfAbsent(previous + " " + noun, n -> new int[1])[0]++;
      }
    }
    previous = bare ? word : null;
  }

  /** Ends an article: decides its compounds. */
  void end() {
    for (Map.Entry<String, int[]> pair : pairs.entrySet()) {
      int count = pair.getValue()[0];
      String second = pair.getKey().substring(pair.getKey().indexOf(' ') + 1);
      int[] alone = nouns.get(second);
      if (count >= MIN_PAIRS && count >= BOUND_SHARE * (alone == null ? 0 : alone[0])) {
        compounds.add(pair.getKey());
      }
    }
  }

  /** True when the article binds {@code noun} to the bare word {@code first} before it. */
  boolean joins(String first, String noun) {
    return !compounds.isEmpty() && compounds.contains(first + " " + noun);
  }

  /** A title, or a word ending in a title of two syllables or more (서울시장, 원내대표). */
  private boolean title(String noun) {
    if (titles.contains(noun)) {
      return true;
    }
    for (int from = 1; from + 2 <= noun.length(); from++) {
      if (titles.contains(noun.substring(from))) {
        return true;
      }
    }
    return false;
  }
}
