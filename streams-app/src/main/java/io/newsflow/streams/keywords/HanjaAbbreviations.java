package io.newsflow.streams.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds the single Hanja that Korean headlines use for countries (美·中, 韓美, 北) into the Korean words they
 * stand for, so that 美 and 미국 count as one keyword. The table is the resource {@value #RESOURCE}, read once;
 * immutable and safe to share.
 */
final class HanjaAbbreviations {

  static final String RESOURCE = "hanja-abbreviations-ko.txt";
  private static final char JOINER = '\u00B7';

  private static final HanjaAbbreviations TABLE = load();

  private final Map<Character, String> words;

  private HanjaAbbreviations(Map<Character, String> words) {
    this.words = Map.copyOf(words);
  }

  static HanjaAbbreviations table() {
    return TABLE;
  }

  /**
   * {@code text} with every run of table characters that stands on its own replaced by their words, joined by
   * '·' (美·中 -> 미국·중국, 韓美 -> 한국·미국). A run stands on its own when no other Han character touches it
   * and no digit comes right before it (3日 is a date). Returns {@code text} itself when nothing changes, which
   * is the common case and costs one scan.
   */
  String fold(String text) {
    int first = firstTableChar(text, 0);
    if (first < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = first;
    while (i >= 0) {
      int end = runEnd(text, i);
      if (standsAlone(text, i, end)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16);
        }
        out.append(text, copied, i);
        appendWords(text, i, end, out);
        copied = end;
      }
      i = firstTableChar(text, end);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  private int firstTableChar(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      // All table characters are CJK ideographs; the range check keeps Hangul and Latin text cheap.
      if (c >= '\u4E00' && c <= '\u9FFF' && words.containsKey(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the run at {@code start}: table characters, each pair possibly separated by one '·'. */
  private int runEnd(String text, int start) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (words.containsKey(c)) {
        i++;
      } else if (isJoiner(c) && i + 1 < text.length() && words.containsKey(text.charAt(i + 1))) {
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean standsAlone(String text, int start, int end) {
    if (start > 0) {
      int before = text.codePointBefore(start);
      if (isHan(before) || Character.isDigit(before)) {
        return false;
      }
    }
    return end >= text.length() || !isHan(text.codePointAt(end));
  }

  private void appendWords(String text, int start, int end, StringBuilder out) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (isJoiner(c)) {
        continue;
      }
      if (i > start) {
        out.append(JOINER);
      }
      out.append(words.get(c));
    }
  }

  private static boolean isJoiner(char c) {
    return c == JOINER || c == '\u30FB';
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  private static HanjaAbbreviations load() {
    Map<Character, String> words = new HashMap<>();
    try (InputStream in = HanjaAbbreviations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Hanja table missing from the classpath: " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int hash = line.indexOf('#');
        String entry = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (entry.isEmpty()) {
          continue;
        }
        String[] parts = entry.split("\\s+");
        if (parts.length != 2 || parts[0].length() != 1) {
          throw new IllegalStateException(RESOURCE + ": expected one Hanja and one word, found: " + line);
        }
        words.put(parts[0].charAt(0), parts[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new HanjaAbbreviations(words);
  }
}
