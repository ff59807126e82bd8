package io.newsflow.streams.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns the body text a source delivered into the clean body of an {@code Article}: credit and copyright lines out,
 * the opening dateline stripped, NFKC, whitespace folded, one {@code \n} between paragraphs.
 */
public final class BodyCleaner {

  /**
   * Copyright notices. Only short lines count, so that a paragraph about copyright law survives. Checked before
   * NFKC because NFKC turns "ⓒ" into a plain "c".
   */
  private static final Pattern COPYRIGHT = Pattern.compile(
      "무단\\s*전재|재배포\\s*금지|저작권자|ⓒ|©|copyright", Pattern.CASE_INSENSITIVE);
  private static final int COPYRIGHT_LINE_MAX = 150;

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  /** Horizontal whitespace, including no-break and ideographic spaces, plus stray control characters. */
  private static final Pattern INLINE_SPACE = Pattern.compile("[\\h\\x0B\\f\\u200B\\uFEFF]+");
  private static final Pattern ANY_SPACE = Pattern.compile("[\\s\\h\\u200B\\uFEFF]+");

  private BodyCleaner() {
  }

  /** Cleans a body; {@code publisher} (nullable) also counts as a dateline tag, e.g. "[파이낸셜뉴스]". */
  public static String clean(String raw, String publisher) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean first = true;
    for (String line : LINE_BREAK.split(raw)) {
      if (isCopyright(line) || Bylines.isCreditLine(line)) {
        continue;
      }
      String text = nfkc(line);
      if (Bylines.isCreditLine(text)) {
        continue;
      }
      if (first) {
        text = Bylines.stripDateline(text, publisher);
      }
      text = INLINE_SPACE.matcher(text).replaceAll(" ").strip();
      if (text.isEmpty()) {
        continue;
      }
      if (!first) {
        out.append('\n');
      }
      out.append(text);
      first = false;
    }
    return out.toString();
  }

  /** A one-line value (title, section, publisher): NFKC, every whitespace run to one space, trimmed. */
  public static String cleanInline(String raw) {
    return ANY_SPACE.matcher(nfkc(raw)).replaceAll(" ").strip();
  }

  static boolean isCopyright(String line) {
    return line.length() <= COPYRIGHT_LINE_MAX && COPYRIGHT.matcher(line).find();
  }

  static String nfkc(String text) {
    return Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }
}
