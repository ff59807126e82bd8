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
 * row (이민호 김수현, 중국 일본) are a list. Decided within one article, from its title and body, like {@link NounStems}; names the
 * stream shows together across articles are the keyword model's ({@code 샘 알트만}). Not thread-safe.
 */
final class SpacedCompounds {

  static final int MIN_PAIRS = 2;
  private static final double BOUND_SHARE = 0.75;

  private final CharArraySet titles;
  private final Map<String, Integer> pairs = new HashMap<>();
  private final Map<String, Integer> nouns = new HashMap<>();
  private final Set<String> compounds = new HashSet<>();

  SpacedCompounds(CharArraySet titles) {
    this.titles = titles;
  }

  /** Reads an article's title and body (NFKC, Hanja folded). */
  void read(String title, String body) {
    pairs.clear();
    nouns.clear();
    compounds.clear();
    count(title);
    count(body);
    for (Map.Entry<String, Integer> pair : pairs.entrySet()) {
      String second = pair.getKey().substring(pair.getKey().indexOf(' ') + 1);
      if (pair.getValue() >= MIN_PAIRS && pair.getValue() >= BOUND_SHARE * nouns.getOrDefault(second, 0)) {
        compounds.add(pair.getKey());
      }
    }
  }

  /** True when the article binds {@code noun} to the bare word {@code first} before it. */
  boolean joins(String first, String noun) {
    return !compounds.isEmpty() && compounds.contains(first + " " + noun);
  }

  private void count(String text) {
    String previous = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int gap = i;
      while (i < n && !NounStems.wordChar(text.charAt(i))) {
        i++;
      }
      boolean oneSpace = i - gap == 1 && text.charAt(gap) == ' ';
      int start = i;
      while (i < n && NounStems.wordChar(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      String word = text.substring(start, i);
      String noun = NounStems.nounOf(word);
      if (noun != null) {
        nouns.merge(noun, 1, Integer::sum);
        if (previous != null && oneSpace && !title(noun) && !titles.contains(previous)) {
          pairs.merge(previous + " " + noun, 1, Integer::sum);
        }
      }
      previous = bare(word) ? word : null;
    }
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

  /**
   * A word that can open a compound: a noun with nothing after it (no particle, no verb ending), or an acronym
   * (AI, EU).
   */
  private static boolean bare(String word) {
    if (word.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return word.length() >= 2 && word.length() <= 5;
    }
    return word.equals(NounStems.nounOf(word)) && NounStems.stemOf(word) == null;
  }
}
