package io.newsflow.streams.normalize;

import java.util.regex.Pattern;

/**
 * Recognizes the lines and fragments of news text that are not the article: copyright and "no redistribution"
 * notices, photo captions and credits, promotional links, wire signatures and reporter e-mails at the end of a
 * paragraph. Only short lines count as boilerplate, so a paragraph that merely mentions copyright survives.
 */
public final class Boilerplate {

  /** Checked before NFKC, because NFKC turns "ⓒ" into a plain "c". */
  private static final Pattern COPYRIGHT = Pattern.compile(
      "무단\\s*(?:전재|복제|배포)|재\\s*배포\\s*금지|저작권자|ⓒ|©|copyright|all rights reserved"
          + "|AI\\s*학습\\s*(?:및|이용)?\\s*(?:활용)?\\s*금지|\\(c\\)\\s*\\d{4}",
      Pattern.CASE_INSENSITIVE);
  private static final int COPYRIGHT_LINE_MAX = 150;

  private static final String CREDIT =
      "(?:사진|그래픽|영상|자료|이미지|그림|일러스트|photo|image)\\s*(?:=|:|·|제공|출처|credit)";
  /** A bracketed picture credit anywhere in a line: "[사진=연합뉴스]", "(그래픽=홍길동 기자)". */
  private static final Pattern INLINE_CREDIT = Pattern.compile(
      "\\s*[\\[(（【<]\\s*" + CREDIT + "[^\\])）】>]{0,60}[\\])）】>]", Pattern.CASE_INSENSITIVE);
  /** A caption line: starts with a caption marker, or is a bare credit, or is short and ends with one. */
  private static final Pattern CAPTION_START = Pattern.compile("^\\s*(?:[▲△]|" + CREDIT + ")",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CAPTION_END = Pattern.compile(
      "(?:[\\[(（【<]\\s*" + CREDIT + "[^\\])）】>]{0,60}[\\])）】>]|/\\s*" + CREDIT + ".{0,40})\\s*$",
      Pattern.CASE_INSENSITIVE);
  /** A short line that only credits a picture: "삼성전자 제공", "/연합뉴스". */
  private static final Pattern SHORT_CREDIT = Pattern.compile("^(?:.{1,30}\\s제공|\\s*/\\s*\\S{1,20})\\s*$");
  private static final int CAPTION_LINE_MAX = 200;

  private static final Pattern PROMO_START = Pattern.compile("^\\s*[▶☞►▷→]");
  private static final Pattern PROMO_WORDS = Pattern.compile(
      "구독|바로\\s*가기|기사\\s*제보|제보\\s*하기|받아\\s*보세요|클릭|다운로드|채널|앱\\s*설치|뉴스\\s*스탠드"
          + "|네이버|카카오|유튜브|관련\\s*기사|많이\\s*본|더\\s*보기|https?://",
      Pattern.CASE_INSENSITIVE);
  private static final int PROMO_LINE_MAX = 120;

  /** The sign-off wires put on the last line ("Reuter" in the 1980s, "Reuters", "AP"). */
  private static final Pattern SIGNATURE = Pattern.compile("^\\s*(?:reuters?|ap|afp|yonhap)\\s*$",
      Pattern.CASE_INSENSITIVE);

  private static final String EMAIL = "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+";
  /** A reporter's credit closing a paragraph: "... 했다. 홍길동 기자 hong@yna.co.kr", "... 했다. /홍길동 기자". */
  private static final Pattern TRAILING_CREDIT = Pattern.compile(
      "\\s*(?:[/(]\\s*)?(?:(?:[가-힣]{2,4}\\s*(?:기자|특파원)\\s*)?" + EMAIL + "|/\\s*[가-힣]{2,4}\\s*(?:기자|특파원))"
          + "\\s*\\)?\\s*$");

  /**
   * Where a trailer starts in text whose line breaks the source lost: a reporter's e-mail, a promotion arrow,
   * a copyright or "no redistribution" notice. Only unambiguous markers: a sentence about copyright law is
   * no trailer.
   */
  private static final Pattern TRAILER = Pattern.compile(
      EMAIL + "|[▶☞►]|<?\\s*저작권자|무단\\s*(?:전재|복제|배포)|재\\s*배포\\s*금지"
          + "|copyright\\s*(?:\\(c\\)|©|ⓒ)", Pattern.CASE_INSENSITIVE);
  /** A byline just before the trailer: "강기헌 기자 ", "변태섭기자", "/이상훈기자", "(손석민 기자". */
  private static final Pattern BYLINE_BEFORE = Pattern.compile(
      "[\\s/(]*[가-힣]{2,4}\\s*(?:기자|특파원)[\\s(=]*$");
  /** How far from the end of the last paragraph a trailer may start. */
  private static final int TRAILER_WINDOW = 400;

  private Boilerplate() {
  }

  /**
   * The last paragraph without the trailer sources glue to it when their text has no line breaks:
   * "... 말했다. 강기헌 기자 emckk@example.com ▶ 홈페이지 ... 무단 전재 및 재배포 금지" -> "... 말했다.".
   */
  public static String stripTrailer(String paragraph) {
    int from = Math.max(0, paragraph.length() - TRAILER_WINDOW);
    java.util.regex.Matcher marker = TRAILER.matcher(paragraph);
    if (!marker.find(from)) {
      return paragraph;
    }
    String before = paragraph.substring(0, marker.start());
    return BYLINE_BEFORE.matcher(before).replaceFirst("").strip();
  }

  static boolean isCopyright(String line) {
    return line.length() <= COPYRIGHT_LINE_MAX && COPYRIGHT.matcher(line).find();
  }

  static boolean isCaption(String line) {
    if (line.length() > CAPTION_LINE_MAX) {
      return false;
    }
    return CAPTION_START.matcher(line).find() || CAPTION_END.matcher(line).find()
        || SHORT_CREDIT.matcher(line).matches();
  }

  static boolean isPromotion(String line) {
    return line.length() <= PROMO_LINE_MAX && PROMO_START.matcher(line).find() && PROMO_WORDS.matcher(line).find();
  }

  static boolean isSignature(String line) {
    return SIGNATURE.matcher(line).matches();
  }

  /** Whether the whole line is something other than article text. */
  public static boolean isBoilerplate(String line) {
    return isCopyright(line) || isCaption(line) || isPromotion(line) || isSignature(line);
  }

  /** The line without bracketed picture credits and without a reporter's credit at its end. */
  public static String stripInline(String line) {
    String out = line.indexOf('=') >= 0 || line.indexOf(':') >= 0 || line.contains("제공") || line.contains("출처")
        ? INLINE_CREDIT.matcher(line).replaceAll("")
        : line;
    return out.indexOf('@') >= 0 || out.contains("기자") || out.contains("특파원")
        ? TRAILING_CREDIT.matcher(out).replaceFirst("")
        : out;
  }
}
