package io.newsflow.streams.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The names a Korean headline sets in single quotation marks: a Korean newspaper quotes the name of a work, a law, a
 * product or a new term in its headline ('소금의 계절', '인구감소지역 지원 특별법', '별누리 3호', '캔서스캔-M'),
 * where Nori reads its words apart (소금, 계절). A quoted span of the title that the body writes too is one keyword,
 * counted where it is written. Speech is quoted in double quotation marks, which this leaves alone, and a single
 * quoted word ('비상', '막내') is a keyword as it stands.
 */
final class KoreanQuotedNames {

  private static final String OPENING = "'‘「『《〈";
  private static final String CLOSING = "'’」』》〉";
  private static final int MAX_WORDS = 4;
  private static final int MAX_CHARS = 24;
  /** Last syllables of a verb or adjective ending, which quote a clause (확정했다, 어때요), not a name. */
  private static final String CLAUSE_ENDS = "다요까죠네며고서면지";

  /** The labels a headline may open with: [단독], [속보], [월드리포트], [3분 과학], 【포토】. */
  private static final String LABEL_OPENING = "[【";
  private static final String LABEL_CLOSING = "]】";
  private static final int MAX_LABEL_CHARS = 12;

  private KoreanQuotedNames() {}

  /**
   * {@code title} without the bracketed labels it opens with: a newspaper's column or kind of story ([단독],
   * [월드리포트]), never what the story is about.
   */
  static String withoutLabels(String title) {
    int from = 0;
    while (true) {
      while (from < title.length() && Character.isWhitespace(title.charAt(from))) {
        from++;
      }
      if (from == title.length() || LABEL_OPENING.indexOf(title.charAt(from)) < 0) {
        return from == 0 ? title : title.substring(from);
      }
      int close = title.indexOf(LABEL_CLOSING.charAt(LABEL_OPENING.indexOf(title.charAt(from))), from + 1);
      if (close < 0 || close - from - 1 > MAX_LABEL_CHARS) {
        return from == 0 ? title : title.substring(from);
      }
      from = close + 1;
    }
  }

  /** The quoted names of {@code title} that {@code body} writes too, in title order. */
  static List<String> find(String title, String body) {
    return find(title, body, phrase -> false);
  }

  /**
   * As {@link #find(String, String)}; a span the body writes once and {@code described} says is a description
   * (common nouns only: '지각 처리', '공해 보호') is no name. A name the body repeats is one whatever its words.
   */
  static List<String> find(String title, String body, Predicate<String> described) {
    List<String> names = new ArrayList<>(2);
    int from = 0;
    while (from < title.length()) {
      int open = indexOfAny(title, OPENING, from);
      if (open < 0) {
        break;
      }
      int close = title.indexOf(CLOSING.charAt(OPENING.indexOf(title.charAt(open))), open + 1);
      if (close < 0) {
        break;
      }
      String name = title.substring(open + 1, close).strip();
      if (isName(name) && !names.contains(name)) {
        int inBody = occurrences(body, name);
        if (inBody > 1 || (inBody == 1 && !described.test(name))) {
          names.add(name);
        }
      }
      from = close + 1;
    }
    return names;
  }

  /**
   * {@code text} with every occurrence of {@code names} blanked out, so that the words inside a name (소금, 계절 of
   * '소금의 계절') are not counted as keywords of their own there; they still are where the text writes them alone.
   */
  static String blank(String text, List<String> names) {
    if (names.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (String name : names) {
      for (int at : positions(text, name)) {
        for (int i = at; i < at + name.length(); i++) {
          out.setCharAt(i, ' ');
        }
      }
    }
    return out.toString();
  }

  /** Adds each name once per occurrence in {@code title} (a title's {@code titleWeight}) and {@code body}. */
  static void collect(List<String> names, String title, String body, int titleWeight, Tally tally) {
    for (String name : names) {
      String key = name.toLowerCase(Locale.ROOT);
      int inTitle = occurrences(title, name);
      int inBody = occurrences(body, name);
      for (int i = 0; i < inTitle; i++) {
        tally.add(key, name, titleWeight, true);
      }
      for (int i = 0; i < inBody; i++) {
        tally.add(key, name, 1, false);
      }
    }
  }

  /**
   * Two to {@value #MAX_WORDS} words, or one word with Latin letters, digits or a hyphen in it (캔서스캔-M), holding
   * Hangul, and no list (·, comma) nor clause.
   */
  static boolean isName(String span) {
    if (span.length() < 2 || span.length() > MAX_CHARS || span.indexOf('·') >= 0 || span.indexOf(',') >= 0
        || span.indexOf('…') >= 0 || span.contains("...")) {
      return false;
    }
    String[] words = span.split(" ");
    if (words.length > MAX_WORDS || CLAUSE_ENDS.indexOf(span.charAt(span.length() - 1)) >= 0) {
      return false;
    }
    boolean hangul = false;
    boolean joined = false;
    for (int i = 0; i < span.length(); i++) {
      char c = span.charAt(i);
      hangul |= NounStems.hangul(c);
      joined |= c == '-' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    return hangul && (words.length >= 2 || joined);
  }

  /** How often {@code text} writes {@code name} as words of their own (see {@link #positions}). */
  private static int occurrences(String text, String name) {
    return positions(text, name).size();
  }

  /**
   * Where {@code text} writes {@code name} as words of their own: alone or before a particle (공해 보호를), not
   * inside longer words (공해 보호구역).
   */
  private static List<Integer> positions(String text, String name) {
    List<Integer> positions = new ArrayList<>(2);
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
      int end = at + name.length();
      int wordEnd = NounStems.wordEnd(text, end);
      boolean startsWord = at == 0 || !NounStems.wordChar(text.charAt(at - 1));
      if (startsWord && (wordEnd == end || NounStems.isParticle(text.substring(end, wordEnd)))) {
        positions.add(at);
      }
    }
    return positions;
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
