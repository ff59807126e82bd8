package io.newsflow.cli.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one article's top keywords compare with its judgement: which are accepted, which must-have entries they
 * find, and which are junk (a single syllable, a word with a particle attached, a figure glued to a word, a
 * number with its counter). Forms compare after NFKC, lower case, and with spaces and middle dots removed, so
 * "샘 알트만" matches "샘알트만" and "S&P 500" matches "s&p500".
 */
public final class KeywordScore {

  /** Particles and copulas that end a Korean word but never a noun keyword. */
  private static final List<String> PARTICLES = List.of("에서는", "에서도", "으로는", "이라는", "이라고", "에게", "에서",
      "으로", "부터", "까지", "보다", "처럼", "라는", "라고", "께서", "은", "는", "이", "가", "을", "를", "의", "에", "와",
      "과", "로", "도", "만");
  /** A figure after a word: a price (11.20), thousands (1,200), a percentage, four digits or more. */
  private static final Pattern GLUED_FIGURE = Pattern.compile(".*\\p{L}.*\\s(\\d+\\.\\d{2,}|\\d{1,3}(,\\d{3})+|\\d+(\\.\\d+)?%|\\d{4,})$");
  /** A number with its counter or unit only: 3명, 2천900억, 10만, 30%. */
  private static final Pattern COUNTED = Pattern.compile("^[\\d.,천만억조]+\\s?(명|원|억|만|천|개|건|곳|일|월|년|시|분|초|세|배|위|달러|%|퍼센트)?$");

  private final List<String> top;
  private final List<Boolean> accepted = new ArrayList<>();
  private final List<String> junk = new ArrayList<>();
  private final List<String> foundMust = new ArrayList<>();
  private final List<String> missingMust = new ArrayList<>();

  public KeywordScore(List<String> top, List<String> acceptedEntries, List<String> mustEntries) {
    this.top = List.copyOf(top);
    Set<String> acceptedForms = new HashSet<>();
    acceptedEntries.forEach(e -> acceptedForms.addAll(forms(e)));
    Set<String> topForms = new HashSet<>();
    top.forEach(k -> topForms.add(form(k)));
    for (String keyword : top) {
      accepted.add(acceptedForms.contains(form(keyword)));
      if (isJunk(keyword, acceptedForms, topForms)) {
        junk.add(keyword);
      }
    }
    for (String must : mustEntries) {
      if (forms(must).stream().anyMatch(topForms::contains)) {
        foundMust.add(must);
      } else {
        missingMust.add(must);
      }
    }
  }

  public List<String> top() {
    return top;
  }

  public boolean accepted(int i) {
    return accepted.get(i);
  }

  public int acceptedCount() {
    return (int) accepted.stream().filter(b -> b).count();
  }

  /** Accepted among the top shown; 0 when nothing was extracted. */
  public double precision() {
    return top.isEmpty() ? 0 : (double) acceptedCount() / top.size();
  }

  public List<String> junk() {
    return junk;
  }

  public List<String> foundMust() {
    return foundMust;
  }

  public List<String> missingMust() {
    return missingMust;
  }

  static Set<String> forms(String entry) {
    Set<String> out = new HashSet<>();
    for (String alternative : entry.split("\\|")) {
      if (!alternative.isBlank()) {
        out.add(form(alternative));
      }
    }
    return out;
  }

  static String form(String keyword) {
    String nfkc = Normalizer.normalize(keyword, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.codePoints().filter(cp -> !Character.isWhitespace(cp) && cp != '·' && cp != '・')
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  static boolean isJunk(String keyword, Set<String> acceptedForms, Set<String> topForms) {
    String k = keyword.strip();
    if (k.codePointCount(0, k.length()) < 2 || COUNTED.matcher(k).matches() || GLUED_FIGURE.matcher(k).matches()) {
      return true;
    }
    String f = form(k);
    for (String particle : PARTICLES) {
      if (f.endsWith(particle)) {
        String stem = f.substring(0, f.length() - particle.length());
        if (stem.codePointCount(0, stem.length()) >= 2 && (acceptedForms.contains(stem) || topForms.contains(stem))) {
          return true;
        }
      }
    }
    return false;
  }
}
