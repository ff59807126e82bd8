package io.newsflow.streams.keywords;

import java.util.regex.Pattern;

/**
 * Removes the stock symbols a business story writes after a company's name: Reuters' codes in angle brackets
 * ({@code Volkswagen AG <VOWG.F>}, {@code GTE <GTE>}) or parentheses ({@code BP (BP.L)}), and an exchange's
 * ticker ({@code (NYSE: GE)}). A symbol repeats the name beside it in a code no reader searches for
 * (VOWG.F, JAPN.T), so it is no keyword; an acronym a story defines in parentheses, "(DJP)", stays.
 */
final class TickerSymbols {

  private static final Pattern SYMBOL = Pattern.compile(
      "<[A-Z0-9][A-Z0-9.]{0,9}>"                                        // <VOWG.F>, <GTE>
          + "|\\([A-Z0-9]{1,6}\\.[A-Z]{1,3}\\)"                          // (BP.L), (7203.T)
          + "|\\((?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE American|LSE|TSX|ASX|OTC)\\s*:\\s*[A-Z][A-Z.]{0,6}\\)");

  private TickerSymbols() {
  }

  /** {@code text} with each symbol replaced by a space, so that the words around it stay apart. */
  static String strip(String text) {
    return text.indexOf('<') < 0 && text.indexOf('(') < 0 ? text : SYMBOL.matcher(text).replaceAll(" ");
  }
}
