package io.newsflow.streams.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a clean body and the word shingles SimHash is computed over. A word is a run of letters and
 * digits, lower-cased (Locale.ROOT); in Korean that is an eojeol with its particles, which copies of one text
 * share. Punctuation and spacing, the usual differences between copies, do not count.
 */
public final class Shingles {

  private Shingles() {
  }

  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** The distinct runs of {@code size} consecutive words; one shingle of all words when there are fewer. */
  public static Set<String> of(List<String> words, int size) {
    Set<String> shingles = new LinkedHashSet<>();
    if (words.isEmpty()) {
      return shingles;
    }
    if (words.size() <= size) {
      shingles.add(String.join(" ", words));
      return shingles;
    }
    for (int i = 0; i + size <= words.size(); i++) {
      shingles.add(String.join(" ", words.subList(i, i + size)));
    }
    return shingles;
  }
}
