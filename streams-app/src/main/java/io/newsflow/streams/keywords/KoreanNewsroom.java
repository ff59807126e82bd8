package io.newsflow.streams.keywords;

import java.util.List;
import java.util.Set;

/**
 * Words a Korean newspaper writes about its own work or to hide a person, never what an article is about: the
 * reporter of a byline (장규석 기자, 노컷뉴스 장규석 기자, 유재혁 대중문화 전문기자 is left alone), a person
 * the story keeps anonymous (김씨, A씨, 김모씨), a measure (412.35포인트, 1g, 3.5kg), and a venue's street address
 * or a dateline (서울 서초구 서초동, 서울 뉴스1).
 *
 * <p>Stop words cannot hold these: reporters' names are open-ended, and a name is a keyword everywhere but in
 * front of 기자. Decided per occurrence from the text around it, so a reporter who is also the subject of the
 * story (named elsewhere without the title) keeps those occurrences.
 */
final class KoreanNewsroom {

  /** The titles a byline puts after the reporter's name. */
  private static final List<String> BYLINE_TITLES =
      List.of("기자", "특파원", "통신원", "전문기자", "선임기자", "객원기자", "인턴기자", "편집위원", "논설위원");
  /** A person's name in a byline has two to four syllables (김철, 남궁민수). */
  private static final int NAME_MIN = 2;
  private static final int NAME_MAX = 4;

  private KoreanNewsroom() {
  }

  /**
   * True when {@code surface}, a whole word of {@code text} ending at {@code wordEnd}, is a reporter's name: two
   * to four Hangul syllables followed (after spaces, or glued) by a byline title that is a word of its own (기자,
   * 기자=, not 기자회견). A glued form ({@code 강은구기자}) is a byline whatever follows it.
   */
  static boolean isByline(String surface, String text, int wordEnd) {
    for (String title : BYLINE_TITLES) {
      if (surface.endsWith(title) && name(surface, 0, surface.length() - title.length())) {
        return true;
      }
    }
    if (!name(surface, 0, surface.length())) {
      return false;
    }
    int at = wordEnd;
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
    if (at == wordEnd) {
      return false;
    }
    for (String title : BYLINE_TITLES) {
      int end = at + title.length();
      if (text.startsWith(title, at) && (end == text.length() || !NounStems.hangul(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A person the story names only by family name or a letter with 씨 (김씨, A씨, 김모씨, 정모(34)씨): the
   * newspaper's way of keeping someone anonymous, so never a keyword. {@code key} is the keyword in lower case,
   * {@code end} where it ends in {@code text}: Nori leaves 씨 off 정모씨, and an age in parentheses may come between.
   */
  static boolean isAnonymous(String key, String text, int end) {
    boolean glued = key.endsWith("씨");
    String before = glued ? key.substring(0, key.length() - 1) : key;
    if (!glued) {
      int at = end;
      if (at < text.length() && text.charAt(at) == '(') {
        int close = text.indexOf(')', at);
        at = close < 0 || close - at > 12 ? at : close + 1;
      }
      if (!text.startsWith("씨", at)) {
        return false;
      }
    }
    if (before.length() == 2 && before.charAt(1) == '모') {
      before = before.substring(0, 1);
    }
    char initial = before.isEmpty() ? ' ' : before.charAt(0);
    return before.length() == 1 && (NounStems.hangul(initial) || (initial >= 'a' && initial <= 'z'));
  }

  /**
   * The counters of amounts, ranks, times and multiples, after which a number is a figure of the story and never
   * its subject (4배, 3명, 2곳, 1위, 10일); a count that names something (5연승, 13집, 3호) is left to ranking.
   */
  private static final Set<String> AMOUNT_COUNTERS = Set.of("명", "원", "억", "만", "천", "개", "건", "곳", "일", "월",
      "년", "시", "분", "초", "세", "배", "위", "달러", "퍼센트");

  /**
   * A number with a decimal point, or digits with a lower-case Latin unit, followed by its unit (412.35포인트, 1g,
   * 3.5kg), or a number with an amount's counter ({@link #AMOUNT_COUNTERS}): a reading, never a keyword.
   */
  static boolean isMeasure(String surface) {
    if (surface.isEmpty() || !Character.isDigit(surface.charAt(0))) {
      return false;
    }
    int i = 0;
    while (i < surface.length() && Character.isDigit(surface.charAt(i))) {
      i++;
    }
    if (AMOUNT_COUNTERS.contains(surface.substring(i))) {
      return true;
    }
    if (i + 1 < surface.length() && (surface.charAt(i) == '.' || surface.charAt(i) == ',')
        && Character.isDigit(surface.charAt(i + 1))) {
      return true;
    }
    return i < surface.length() && surface.charAt(i) >= 'a' && surface.charAt(i) <= 'z';
  }

  /**
   * The metropolitan cities that open a street address or a wire dateline (서울 서초구, 서울 뉴스1). Provinces are
   * left out: 충북 보은군 names the story's region, which an editor keeps.
   */
  private static final Set<String> CITIES = Set.of("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "서울시",
      "부산시");
  /** The last syllable of a district in an address: 서초구, 논현동, 양평군, 오송읍, 남면. */
  private static final String DISTRICT_ENDS = "구동군읍면";

  /**
   * True when {@code surface}, at [{@code wordStart}, {@code wordEnd}) of {@code text} and opening its word, is
   * part of an address or a dateline rather than a subject: a city before a district (서울 서초구 서초동, 서울 논현동의), a
   * district after a city or after such a district, or a city before an outlet's name (서울 뉴스1 기자, as a byline
   * writes the dateline). A venue says where, not what; a story about the district names it without the city too.
   */
  static boolean isAddress(String surface, String text, int wordStart, int wordEnd, Set<?> stopWords) {
    if (CITIES.contains(surface)) {
      String next = nextWord(text, wordEnd);
      return next != null && (district(NounStems.nounOf(next))
          || (stopWords.contains(next) && next.codePointCount(0, next.length()) >= 3));
    }
    if (!district(surface)) {
      return false;
    }
    int prevEnd = wordStart - 1;
    if (prevEnd <= 0 || text.charAt(prevEnd) != ' ') {
      return false;
    }
    int prevStart = NounStems.wordStart(text, prevEnd);
    String previous = text.substring(prevStart, prevEnd);
    if (CITIES.contains(previous)) {
      return true;
    }
    if (!district(previous) || prevStart < 2 || text.charAt(prevStart - 1) != ' ') {
      return false;
    }
    return CITIES.contains(text.substring(NounStems.wordStart(text, prevStart - 1), prevStart - 1));
  }

  private static boolean district(String word) {
    return word != null && word.length() >= 2 && word.length() <= 5 && name(word, 0, word.length())
        && DISTRICT_ENDS.indexOf(word.charAt(word.length() - 1)) >= 0;
  }

  /** The word one space after {@code end}, or null. */
  private static String nextWord(String text, int end) {
    if (end + 1 >= text.length() || text.charAt(end) != ' ') {
      return null;
    }
    int to = NounStems.wordEnd(text, end + 1);
    return to == end + 1 ? null : text.substring(end + 1, to);
  }

  private static boolean name(String s, int from, int to) {
    if (to - from < NAME_MIN || to - from > NAME_MAX) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!NounStems.hangul(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
