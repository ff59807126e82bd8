package io.newsflow.producer.text;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Bytes turned into text, with what the operator needs to trust it: the charset each line came from, and
 * the lines that could not be decoded (left empty in {@link #text()}, so line numbers still match the file).
 *
 * @param text the decoded text; undecodable lines are empty
 * @param charset what the whole text was decoded from, e.g. {@code UTF-8}, {@code CP949}, {@code UTF-8+CP949}
 * @param lineCharsets per line (index 0 = line 1), the charset of that line, null for an undecodable line;
 *     empty when every line shares {@link #charset}
 * @param undecodableLines 1-based numbers of the lines that could not be decoded, ascending
 */
public record DecodedText(String text, String charset, List<String> lineCharsets, List<Integer> undecodableLines) {

  public DecodedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
    lineCharsets = lineCharsets == null ? List.of() : Collections.unmodifiableList(lineCharsets);
    undecodableLines = List.copyOf(undecodableLines);
  }

  static DecodedText uniform(String text, String charset) {
    return new DecodedText(text, charset, List.of(), List.of());
  }

  /** True when every line was decoded. */
  public boolean complete() {
    return undecodableLines.isEmpty();
  }

  /** The charset of a 1-based line: its own in a mixed text, else the whole text's. */
  public String charsetOfLine(int line) {
    if (lineCharsets.isEmpty()) {
      return charset;
    }
    return line >= 1 && line <= lineCharsets.size() ? lineCharsets.get(line - 1) : null;
  }

  /** True when the 1-based line could not be decoded. */
  public boolean undecodable(int line) {
    return Collections.binarySearch(undecodableLines, line) >= 0;
  }

  /** The one-line reason a line or file was not sent, naming what was tried. */
  public static String undecodableReason() {
    return "undecodable bytes: neither UTF-8 nor CP949 Korean text (not sent)";
  }
}
