package io.newsflow.streams.keywords;

import io.newsflow.streams.keywords.Tally.Evidence;
import java.util.Locale;
import java.util.Set;

/**
 * Tells from how an English word is written whether it names something, since no part-of-speech model is at
 * hand: acronyms (AI, NASA), mixed case (OpenAI, xAI, iPhone) and capitals inside a sentence (Nvidia) do;
 * capitals where every word takes one (sentence starts, headlines) say nothing.
 */
final class NameEvidence {

  /** Abbreviations whose period ends no sentence: a name follows them. */
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "st");

  private NameEvidence() {}

  /**
   * The evidence of one token. {@code term} is the token as the tokenizer gave it (possessive removed),
   * {@code start} its offset in {@code text}. In a title only acronyms and mixed case count, because headlines
   * may capitalize every word; in an all-capitals text ({@code shouting}) not even acronyms do.
   */
  static Evidence of(CharSequence term, String text, int start, boolean inTitle, boolean shouting) {
    int letters = 0;
    int upper = 0;
    int lower = 0;
    boolean mixed = false;
    boolean previousLower = false;
    int lastLetter = 0;
    for (int i = 0; i < term.length(); ) {
      int cp = Character.codePointAt(term, i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      lastLetter = cp;
      if (Character.isUpperCase(cp)) {
        upper++;
        mixed |= previousLower;
        previousLower = false;
      } else if (Character.isLowerCase(cp)) {
        lower++;
        previousLower = true;
      }
    }
    if (upper == 0) {
      // Scripts without case (a Chinese name in an English text) tell nothing.
      return lower > 0 ? Evidence.LOWER : Evidence.NONE;
    }
    if (mixed) {
      return Evidence.NAME_SPELLING;
    }
    boolean acronym = upper >= 2 && (upper == letters || (upper == letters - 1 && lastLetter == 's'));
    if (acronym) {
      return shouting ? Evidence.NONE : Evidence.NAME_SPELLING;
    }
    return inTitle || shouting || sentenceStart(text, start) ? Evidence.NONE : Evidence.CAPITALIZED;
  }

  /** True when {@code text} has no lower-case letter: every word is in capitals, acronyms tell nothing. */
  static boolean shouting(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the word at {@code start} opens a sentence, a line, a list item or a quotation, where any word is
   * capitalized. Conservative: when unsure it says yes, which only withholds the name bonus.
   */
  static boolean sentenceStart(String text, int start) {
    int i = skipInlineSpace(text, start - 1);
    if (i < 0) {
      return true;
    }
    char c = text.charAt(i);
    return switch (c) {
      case '\n', '\r', '!', '?', ':', ';', '(', '[', '"', '\'', '“', '”', '‘', '’', '«', '»' -> true;
      case '.' -> !afterTitle(text, i) && !(afterInitialism(text, i) && opensName(text, start));
      case '-', '–', '—', '•', '·', '*' -> {
        int before = skipInlineSpace(text, i - 1);
        yield before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r';
      }
      default -> false;
    };
  }

  private static int skipInlineSpace(String text, int from) {
    int i = from;
    while (i >= 0 && text.charAt(i) != '\n' && text.charAt(i) != '\r' && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i;
  }

  /** The period at {@code dot} closes a dotted initialism: U.S., U.K., U.N. (single letters, each with a point). */
  private static boolean afterInitialism(String text, int dot) {
    int letters = 0;
    int i = dot;
    while (i >= 1 && text.charAt(i) == '.' && Character.isLetter(text.charAt(i - 1))
        && (i < 2 || !Character.isLetter(text.charAt(i - 2)))) {
      letters++;
      i -= 2;
    }
    return letters >= 2 && (i < 0 || !Character.isLetterOrDigit(text.charAt(i)));
  }

  /**
   * The word at {@code start} is followed, one space on, by a capitalized word or a name's connector: "the U.S.
   * Food and Drug Administration", "U.S. National Institute of Mental Health". An initialism's point usually
   * ends no sentence, but it may ("sold in the U.S. Analysts said"); a name going on after it tells which.
   */
  private static boolean opensName(String text, int start) {
    int end = start;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    if (end == start || end + 1 >= text.length() || text.charAt(end) != ' ') {
      return false;
    }
    char next = text.charAt(end + 1);
    return Character.isUpperCase(next) || text.startsWith("and ", end + 1) || text.startsWith("of ", end + 1)
        || text.startsWith("& ", end + 1);
  }

  /** The period at {@code dot} closes "Mr", "Dr" and the like. */
  private static boolean afterTitle(String text, int dot) {
    int from = dot;
    while (from > 0 && Character.isLetter(text.charAt(from - 1)) && dot - from < 5) {
      from--;
    }
    boolean wordStart = from == 0 || !Character.isLetter(text.charAt(from - 1));
    return wordStart && from < dot && TITLES.contains(text.substring(from, dot).toLowerCase(Locale.ROOT));
  }
}
