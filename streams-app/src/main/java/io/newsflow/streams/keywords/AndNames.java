package io.newsflow.streams.keywords;

import java.util.BitSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Tells which lower-case "and" between two capitalized names of an English text is part of one name (Law and
 * Justice, Securities and Exchange Commission) rather than a list of two (Britain and France, Apple and Google).
 *
 * <p>A newspaper writes a name in full every time and its parts never alone: Law and Justice, never Law; two
 * names in a list are each named on their own too, and a passing list is written once. So {@code X and Y} is one
 * name when the article never writes X or Y outside it (as capitalized words) and either writes the whole phrase
 * at least twice, or the phrase ends in the head noun of an organisation ({@code name-heads-en.txt}: Commission,
 * Ministry, Institute), which a list of two names seldom does.
 */
final class AndNames {

  /** The words of a text as {@link EnglishKeywords} reads them. */
  interface Tokens {
    int size();

    String term(int i);

    /** Tokens {@code i - 1} and {@code i} are one space apart. */
    boolean spaced(int i);

    /** Token {@code i} is a capitalized word on its own (Law, Justice), no prefix (The, President), no suffix. */
    boolean nameWord(int i);

    /** Token {@code i} was written with a possessive (Tusk's), which ends the name it is in. */
    boolean possessive(int i);
  }

  private static final CharArraySet HEADS = StopWords.englishOrganisationHeads();

  private AndNames() {}

  /**
   * The "and" tokens of a body that join the names on either side; {@code pairs} receives each joined pair's
   * "x and y" (the words beside the "and", lower case), by which a title joins the same pairs.
   */
  static BitSet inBody(Tokens t, Set<String> pairs) {
    BitSet joining = new BitSet();
    for (int c = 1; c + 1 < t.size(); c++) {
      if (between(t, c)) {
        int from = conjunctStart(t, c);
        int to = conjunctEnd(t, c + 1);
        int phrase = count(t, from, to);
        boolean alone = count(t, from, c) > phrase || count(t, c + 1, to) > phrase;
        if (!alone && (phrase >= 2 || HEADS.contains(t.term(to - 1)))) {
          joining.set(c);
          pairs.add(pair(t, c));
        }
      }
    }
    return joining;
  }

  /** The "and" tokens of a title that join a pair its body joined: a headline capitalizes any word. */
  static BitSet inTitle(Tokens t, Set<String> bodyPairs) {
    BitSet joining = new BitSet();
    for (int c = 1; c + 1 < t.size(); c++) {
      if (between(t, c) && bodyPairs.contains(pair(t, c))) {
        joining.set(c);
      }
    }
    return joining;
  }

  private static boolean between(Tokens t, int c) {
    return t.term(c).equals("and") && t.spaced(c) && t.spaced(c + 1) && t.nameWord(c - 1) && t.nameWord(c + 1)
        && !t.possessive(c - 1);
  }

  private static String pair(Tokens t, int c) {
    return (t.term(c - 1) + " and " + t.term(c + 1)).toLowerCase(Locale.ROOT);
  }

  /** The first token of the name before the "and" at {@code c}: name words, and "of" between two of them. */
  private static int conjunctStart(Tokens t, int c) {
    int from = c - 1;
    while (from > 0 && t.spaced(from)) {
      if (t.nameWord(from - 1) && !t.possessive(from - 1)) {
        from--;
      } else if (from > 1 && t.term(from - 1).equals("of") && t.spaced(from - 1) && t.nameWord(from - 2)
          && !t.possessive(from - 2)) {
        from -= 2;
      } else {
        break;
      }
    }
    return from;
  }

  /** The end (exclusive) of the name that starts at {@code from}, after the "and". */
  private static int conjunctEnd(Tokens t, int from) {
    int to = from + 1;
    while (to < t.size() && !t.possessive(to - 1) && t.spaced(to) && t.nameWord(to)) {
      to++;
    }
    return to;
  }

  /** How often the text has tokens [from, to) as written, one space apart. */
  private static int count(Tokens t, int from, int to) {
    int n = 0;
    int len = to - from;
    for (int i = 0; i + len <= t.size(); i++) {
      if (same(t, from, i, len)) {
        n++;
      }
    }
    return n;
  }

  private static boolean same(Tokens t, int from, int at, int len) {
    for (int k = 0; k < len; k++) {
      if (!t.term(at + k).equals(t.term(from + k)) || (k > 0 && !t.spaced(at + k))) {
        return false;
      }
    }
    return true;
  }
}
