package io.newsflow.streams.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the reporter credits of Korean news text: byline lines ("주원규 기자", "홍길동·김철수 기자"),
 * e-mail credit lines and the wire-service dateline that opens a body ("[파이낸셜뉴스]", "(서울=연합뉴스) 홍길동 기자 =",
 * "[이데일리 홍길동 기자]", "WASHINGTON (Reuters) - ").
 */
public final class Bylines {

  private static final String NAME = "[가-힣]{2,5}";
  private static final String TITLE =
      "(?:(?:선임|수석|객원|인턴|수습|전문|사진|영상)\\s*)?기자|특파원|논설위원|통신원";
  private static final String ONE = NAME + "(?:\\s*(?:" + TITLE + "))?";
  private static final String SEPARATOR = "(?:\\s*[·ㆍ,/]\\s*|\\s+)";
  private static final Pattern NAMES_LINE = Pattern.compile(ONE + "(?:" + SEPARATOR + ONE + ")*");
  /** A byline ends with its title word; "홍길동 기자 정부가 발표했다" is a sentence, not a byline. */
  private static final Pattern ENDS_WITH_TITLE = Pattern.compile("(?:" + TITLE + ")$");
  private static final Pattern TITLE_WORD = Pattern.compile("(?:" + TITLE + ")");
  private static final Pattern NAME_SPLIT = Pattern.compile("[\\s·ㆍ,/]+");

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+");
  private static final Pattern LEADING_TAG = Pattern.compile("^\\s*[\\[(【<]\\s*([^\\])】>]{1,30}?)\\s*[\\])】>]\\s*");
  private static final Pattern LEADING_BYLINE =
      Pattern.compile("^\\s*(" + ONE + "(?:" + SEPARATOR + ONE + ")*)\\s*=\\s*");
  private static final Pattern NEWSISH = Pattern.compile(
      ".*(?:뉴스|일보|신문|경제|타임스|투데이|저널|방송|뉴시스|연합|데일리|닷컴|미디어|news|times|daily|press|wire)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CREDIT_PUNCTUATION = Pattern.compile("[\\s/=\\-|·ㆍ,]+");
  /** A tag that names a reporter: "[이데일리 홍길동 기자]". */
  private static final Pattern REPORTER_TAG = Pattern.compile(".*[가-힣]{2,5}\\s*(?:" + TITLE + ")$");
  private static final String AGENCY = "\\((?:Reuters?|AP|AFP|Bloomberg|UPI|Yonhap)\\)";
  /**
   * An English wire dateline: an upper-case place, then a date or the agency or both, then a dash:
   * "WASHINGTON (Reuters) - ", "NEW YORK, March 2 - ", "LONDON, Feb 26 (AP) -- ".
   */
  private static final Pattern ENGLISH_DATELINE = Pattern.compile(
      "^\\s*[A-Z][A-Z.'\\- ]{1,30}[A-Z.]"
          + "(?:,\\s+[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:\\s*" + AGENCY + ")?|\\s*" + AGENCY + ")"
          + "\\s*(?:-{1,2}|\u2013|\u2014)\\s+");

  private Bylines() {
  }

  /**
   * The reporter names of a line that is nothing but a byline, e.g. ["홍길동", "김철수"] for
   * "홍길동·김철수 기자"; empty when the line is anything else. The line must end with a title word (기자,
   * 특파원 ...), because a bare short Hangul line is as likely a publisher or a section.
   */
  public static Optional<List<String>> reporterNames(String line) {
    String trimmed = line.strip();
    if (trimmed.length() > 60 || !NAMES_LINE.matcher(trimmed).matches()
        || !ENDS_WITH_TITLE.matcher(trimmed).find()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String part : NAME_SPLIT.split(TITLE_WORD.matcher(trimmed).replaceAll(" ").strip())) {
      if (!part.isEmpty() && !names.contains(part)) {
        names.add(part);
      }
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }

  /**
   * Whether a body line only credits the reporter: "wongood@fnnews.com 주원규 기자",
   * "주원규 기자 wongood@fnnews.com", a bare e-mail, or "(서울=연합뉴스) 홍길동 기자 =".
   */
  public static boolean isCreditLine(String line) {
    Matcher email = EMAIL.matcher(line);
    boolean hadEmail = email.find();
    String rest = hadEmail ? email.replaceAll(" ") : line;
    Matcher tag = LEADING_TAG.matcher(rest);
    boolean hadTag = tag.find() && isDatelineTag(tag.group(1), null);
    if (hadTag) {
      rest = rest.substring(tag.end());
    }
    rest = CREDIT_PUNCTUATION.matcher(rest).replaceAll(" ").strip();
    if (rest.isEmpty()) {
      return hadEmail;
    }
    return reporterNames(rest).isPresent();
  }

  /**
   * The line without a leading dateline: a bracketed source tag ("[파이낸셜뉴스]", "(서울=연합뉴스)",
   * "[publisher]") and/or a "홍길동 기자 =" credit. Returns the line unchanged when it has none.
   */
  public static String stripDateline(String line, String publisher) {
    String rest = line;
    Matcher tag = LEADING_TAG.matcher(rest);
    if (tag.find() && isDatelineTag(tag.group(1), publisher)) {
      rest = rest.substring(tag.end());
    }
    Matcher credit = LEADING_BYLINE.matcher(rest);
    if (credit.find() && ENDS_WITH_TITLE.matcher(credit.group(1).strip()).find()) {
      rest = rest.substring(credit.end());
    }
    Matcher english = ENGLISH_DATELINE.matcher(rest);
    if (english.find()) {
      rest = rest.substring(english.end());
    }
    return rest;
  }

  private static boolean isDatelineTag(String content, String publisher) {
    String c = content.strip();
    return c.indexOf('=') >= 0
        || NEWSISH.matcher(c).matches()
        || REPORTER_TAG.matcher(c).matches()
        || (publisher != null && c.toLowerCase(Locale.ROOT).equals(publisher.strip().toLowerCase(Locale.ROOT)));
  }
}
