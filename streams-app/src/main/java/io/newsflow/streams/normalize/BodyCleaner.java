package io.newsflow.streams.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns the body text a source delivered into the clean body of an {@code Article}: HTML remnants decoded
 * ({@link HtmlText}), boilerplate lines out ({@link Boilerplate}: copyright notices, captions, promotions,
 * wire signatures), credit lines out ({@link Bylines}), the opening dateline stripped, NFKC, whitespace
 * folded, one {@code \n} between paragraphs. The clean body is what fingerprints, near-duplicate detection and
 * keywords see, so two outlets' copies of one wire story come out the same.
 */
public final class BodyCleaner {

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  /** Horizontal whitespace, including no-break and ideographic spaces, plus stray control characters. */
  private static final Pattern INLINE_SPACE = Pattern.compile("[\\h\\x0B\\f\\u200B\\uFEFF\\p{Cc}]+");
  private static final Pattern ANY_SPACE = Pattern.compile("[\\s\\h\\u200B\\uFEFF\\p{Cc}]+");

  private BodyCleaner() {
  }

  /** Cleans a body; {@code publisher} (nullable) also counts as a dateline tag, e.g. "[파이낸셜뉴스]". */
  public static String clean(String raw, String publisher) {
    String text = HtmlText.toPlainText(raw);
    StringBuilder out = new StringBuilder(text.length());
    int lastStart = 0;
    boolean first = true;
    for (String line : LINE_BREAK.split(text)) {
      // Before NFKC: it turns "ⓒ" into "c" and "▲" stays, but full-width brackets would change.
      if (Boilerplate.isBoilerplate(line.strip()) || Bylines.isCreditLine(line)) {
        continue;
      }
      String normalized = INLINE_SPACE.matcher(nfkc(line)).replaceAll(" ").strip();
      if (Boilerplate.isBoilerplate(normalized) || Bylines.isCreditLine(normalized)) {
        continue;
      }
      if (first) {
        normalized = Bylines.stripDateline(normalized, publisher).strip();
      }
      normalized = Boilerplate.stripInline(normalized).strip();
      if (normalized.isEmpty()) {
        continue;
      }
      if (!first) {
        out.append('\n');
      }
      lastStart = out.length();
      out.append(normalized);
      first = false;
    }
    // A trailer glued to the last paragraph (reporter e-mail, promotions, copyright) when lines were lost.
    String last = out.substring(lastStart);
    String trimmed = Boilerplate.stripTrailer(last);
    if (trimmed.length() != last.length()) {
      out.setLength(lastStart);
      out.append(trimmed);
      if (trimmed.isEmpty() && lastStart > 0) {
        out.setLength(lastStart - 1);
      }
    }
    return out.toString();
  }

  /** A one-line value (title, section, publisher): HTML decoded, NFKC, whitespace runs to one space, trimmed. */
  public static String cleanInline(String raw) {
    return ANY_SPACE.matcher(nfkc(HtmlText.toPlainText(raw))).replaceAll(" ").strip();
  }

  static String nfkc(String text) {
    return Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }
}
