package io.newsflow.streams.keywords;

/**
 * Names written in Latin letters and digits that a tokenizer for a CJK script cuts at '-' or '.' (GPT-4.5,
 * H100, U.S): the tokens that make one name again.
 */
final class LatinNames {

  private LatinNames() {
  }

  /**
   * The end (exclusive) of the name that starts at token {@code i}: the following tokens of Latin letters and
   * digits that touch it or are one '-' or '.' away. {@code i + 1} when token {@code i} is not Latin or joins
   * nothing.
   */
  static int end(String text, int[] starts, int[] ends, int size, int i) {
    if (!latin(text, starts[i], ends[i])) {
      return i + 1;
    }
    int j = i + 1;
    while (j < size && latin(text, starts[j], ends[j]) && joined(text, ends[j - 1], starts[j])) {
      j++;
    }
    return j;
  }

  private static boolean joined(String text, int previousEnd, int start) {
    if (start == previousEnd) {
      return true;
    }
    if (start != previousEnd + 1) {
      return false;
    }
    char between = text.charAt(previousEnd);
    return between == '-' || between == '.';
  }

  /** Every character is an ASCII letter or digit, or a Latin letter. */
  static boolean latin(String text, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean latinLetter = Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
      if (!latinLetter && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
