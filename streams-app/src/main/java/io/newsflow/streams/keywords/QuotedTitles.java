package io.newsflow.streams.keywords;

import java.util.List;
import java.util.Set;

/**
 * Finds the title of a work as a newspaper writes it: in quotation marks and in title case ("The Salt Orchard",
 * 'Northern Lights Hotel'). The quotation marks say where the title starts and ends, so its leading article
 * belongs to it (the film is "The Salt Orchard", not "Salt Orchard"), and its first word, though it opens a
 * quotation, is no sentence start.
 */
final class QuotedTitles {

  /** Words a title leaves in lower case inside it (articles, short conjunctions and prepositions). */
  private static final Set<String> MINOR = Set.of("a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for",
      "by", "with");
  private static final String OPENING = "\"'“‘";
  private static final String CLOSING = "\"'”’";

  private QuotedTitles() {}

  /**
   * The end (exclusive) of the quoted title whose first word is token {@code i}, or -1: the quotation holds
   * only tokens one space apart, two to {@code maxWords}, each capitalized or a minor word, the first and last
   * capitalized, and it closes after the last (a comma or period may come before the closing mark).
   */
  static int end(String text, List<String> terms, int[] starts, int[] ends, int i, int maxWords) {
    if (!opensQuote(text, starts[i]) || !capitalized(terms.get(i))) {
      return -1;
    }
    for (int j = i + 1; j < terms.size() && j - i < maxWords; j++) {
      if (starts[j] != ends[j - 1] + 1 || text.charAt(ends[j - 1]) != ' ') {
        return -1;
      }
      String term = terms.get(j);
      if (capitalized(term)) {
        if (closesQuote(text, ends[j])) {
          return j + 1;
        }
      } else if (!MINOR.contains(term)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean opensQuote(String text, int start) {
    return start > 0 && OPENING.indexOf(text.charAt(start - 1)) >= 0
        && (start == 1 || !Character.isLetterOrDigit(text.charAt(start - 2)));
  }

  private static boolean closesQuote(String text, int end) {
    int at = end < text.length() && (text.charAt(end) == ',' || text.charAt(end) == '.') ? end + 1 : end;
    return at < text.length() && CLOSING.indexOf(text.charAt(at)) >= 0
        && (at + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(at + 1)));
  }

  /** Capitalized and in lower case after that: The, Salt, A; not NASA or iPhone. */
  private static boolean capitalized(String term) {
    if (term.isEmpty() || !Character.isUpperCase(term.charAt(0))) {
      return false;
    }
    for (int k = 1; k < term.length(); k++) {
      if (!Character.isLowerCase(term.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
