package io.newsflow.streams.keywords;

import io.newsflow.streams.keywords.Tally.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Finds the keywords of English text: words from Lucene's standard tokenizer with their name evidence
 * ({@link NameEvidence}), names with digits and hyphens kept whole, and multi-word names found by a simple
 * noun-phrase rule. No stemming: a keyword is shown as written, so it must stay a real word. Not thread-safe.
 *
 * <p><b>Names with digits and hyphens.</b> Tokens joined by one '-' are one keyword when the right one holds
 * a digit (GPT-4.5, COVID-19, F-35, GPT-4o), the left one is a single capital (K-pop) or both are capitalized
 * (Rolls-Royce). A name followed by one space and a version number of at most three digits before its point is
 * one keyword too (Grok 3, Windows 11, Llama 3.1), but not a year (Windows 2000 is two words) nor a percentage.
 *
 * <p><b>Multi-word names.</b> Two to {@value #MAX_PHRASE_WORDS} capitalized words in a row, separated by
 * single spaces, in a text that is not all capitals, are one name: Wall Street, Black Monday, Federal Reserve,
 * New York Stock Exchange. Acronyms, mixed case and words with digits take no part (Chinese AI, Microsoft
 * OpenAI stay two keywords). A run
 * that opens a sentence is joined only as far as the body names it mid-sentence too, since any first word is
 * capitalized ("Chipmaker Nvidia said" gives Chipmaker and Nvidia).
 * Function words, titles and nationalities ({@code name-prefixes-en.txt}, {@code name-nationalities-en.txt};
 * a nationality after the "of" of a name stays in it) are cut off and start a new name
 * ("The Federal Reserve", "Nvidia Chief Executive Jensen Huang" -> Nvidia, Jensen Huang); company forms
 * ({@code name-suffixes-en.txt}) are cut off the end (Texaco Inc -> Texaco). A name of stop words only (Last
 * Monday) is none. Headlines capitalize every word, so in a title only names the body also has are joined.
 *
 * <p><b>Connectors.</b> A lower-case "of" between capitalized words is part of the name (Bank of America,
 * University of Oxford). A lower-case "and" is, when the article never writes either side on its own and writes
 * the whole phrase twice or more, or ends it with an organisation's head noun ({@link AndNames}): Law and
 * Justice, Securities and Exchange Commission are one name; Britain and France, Apple and Google, each named
 * alone elsewhere or written once as a list, stay two.
 */
final class EnglishKeywords implements AutoCloseable {

  static final int MAX_PHRASE_WORDS = 5;
  /** A version number after a name has at most this many digits before its point: 3, 11, 737, not 2025. */
  private static final int VERSION_DIGITS = 3;
  /** A line at least this long that breaks mid-sentence was wrapped to a width; wire copy wraps at 60-70. */
  private static final int WRAPPED_LINE = 30;
  private static final String FIELD = "body";
  private static final String NUMBER_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
  /** Month names, which before a day's number write a date, never a part of the name before them. */
  private static final CharArraySet MONTHS = new CharArraySet(List.of("january", "february", "march", "april", "may",
      "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec"), true);

  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      return new TokenStreamComponents(tokenizer, new EnglishPossessiveFilter(tokenizer));
    }
  };
  private final CharArraySet stop;
  private final CharArraySet prefixes = StopWords.englishNamePrefixes();
  private final CharArraySet heads = StopWords.englishOrganisationHeads();
  private final CharArraySet suffixes = StopWords.englishNameSuffixes();
  private final CharArraySet nationalities = StopWords.englishNationalities();
  private final Words titleWords = new Words();
  private final Words bodyWords = new Words();
  /** Keys of the multi-token names of the current body, which a title may join too. */
  private final Set<String> bodyNames = new HashSet<>();
  /** The "x and y" pairs the body joins into one name ({@link AndNames}), which a title joins too. */
  private final Set<String> bodyAndPairs = new HashSet<>();
  /** The capitalized words the body writes without a possessive: names of their own (Tusk, Poland). */
  private final Set<String> bodyPlainWords = new HashSet<>();
  /** The designations (MAX, GE) the body writes as words of their own: no number before or after them. */
  private final Set<String> bodyAloneDesignations = new HashSet<>();
  /** The lower-case two-word phrases of the current article ({@link CommonPhrases}). */
  private final CommonPhrases phrases = new CommonPhrases();

  EnglishKeywords(CharArraySet stop) {
    this.stop = stop;
  }

  /** Adds the keywords of an article's title (each {@code titleWeight} times) and body (NFKC) to the tally. */
  void collect(String title, String body, int titleWeight, Tally tally) {
    bodyNames.clear();
    bodyAndPairs.clear();
    bodyWords.read(TickerSymbols.strip(Datelines.strip(body)), false);
    bodyWords.joiningAnd = AndNames.inBody(bodyWords, bodyAndPairs);
    collectPlainWords(bodyWords);
    collectNames(bodyWords);
    boolean shoutedTitle = NameEvidence.shouting(title) && !bodyWords.shouting;
    String plainTitle = TickerSymbols.strip(title);
    titleWords.read(shoutedTitle ? casedFromBody(plainTitle) : plainTitle, true);
    titleWords.joiningAnd = AndNames.inTitle(titleWords, bodyAndPairs);
    if (shoutedTitle) {
      titleWords.withoutCapitalEvidence();
    }
    phrases.clear();
    countPhrases(bodyWords);
    countPhrases(titleWords);
    List<Occurrence> inBody = occurrences(bodyWords);
    for (Occurrence o : occurrences(titleWords)) {
      tally.add(o.key, o.surface, titleWeight, true, o.evidence);
    }
    for (Occurrence o : inBody) {
      tally.add(o.key, o.surface, 1, false, o.evidence);
    }
  }

  /**
   * An all-capitals headline written as the body writes its words: a word the body has mid-sentence takes the
   * body's form (NVIDIA -> Nvidia, AI stays AI), any other word as the headline has it (with no name evidence
   * in capitals), so that the headline's capitals claim no names the body does not have.
   */
  private String casedFromBody(String title) {
    StringBuilder out = new StringBuilder(title.length());
    Matcher word = WORD.matcher(title);
    int last = 0;
    while (word.find()) {
      out.append(title, last, word.start()).append(bodyForm(word.group()));
      last = word.end();
    }
    return out.append(title, last, title.length()).toString();
  }

  /**
   * How the body writes {@code word}: its first occurrence with name evidence, else its first occurrence in
   * lower case, else as given. A headline has a dozen words: comparing each with the body's words in place costs
   * less than a map of every body word (a quarter of English extraction on all-capitals wire headlines).
   */
  private String bodyForm(String word) {
    String lower = null;
    for (int i = 0; i < bodyWords.size(); i++) {
      String term = bodyWords.terms.get(i);
      if (term.length() == word.length() && term.equalsIgnoreCase(word)) {
        if (bodyWords.evidence.get(i) != Evidence.NONE) {
          return term;
        }
        if (lower == null) {
          lower = term.toLowerCase(Locale.ROOT);
        }
      }
    }
    return lower == null ? word : lower;
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  /**
   * One syllable of Korean as names are romanized (Revised Romanization and McCune-Reischauer, without
   * diacritics): an optional initial, a vowel, an optional final consonant: tae, woo, jung, in, myung.
   */
  private static final Pattern ROMANIZED_SYLLABLE = Pattern.compile(
      "(?:kk|tt|pp|ss|jj|ch|[bcdghjkmnprstw])?(?:[wy]?(?:ae|eo|eu|oe|ui|ee|oo|ou|a|e|i|o|u)|y[aeiou]|w[aeio])"
      + "(?:ng|[nklmpt])?");

  private record Occurrence(String key, String surface, Evidence evidence) {
  }

  /** The tokens of one text. */
  private final class Words implements AndNames.Tokens {
    String text = "";
    boolean inTitle;
    boolean shouting;
    final List<String> terms = new ArrayList<>();
    final List<Evidence> evidence = new ArrayList<>();
    int[] starts = new int[64];
    int[] ends = new int[64];
    boolean[] numbers = new boolean[64];
    /** The "and" tokens that join two names into one. */
    BitSet joiningAnd = new BitSet();
    /** At token i, the key of the pair (i, i + 1) when it may be a phrase ({@link #countPhrases}), else null. */
    String[] pairs = new String[64];

    void read(String newText, boolean title) {
      text = newText;
      inTitle = title;
      shouting = NameEvidence.shouting(newText);
      terms.clear();
      evidence.clear();
      joiningAnd = new BitSet();
      if (newText.isEmpty()) {
        return;
      }
      try (TokenStream stream = analyzer.tokenStream(FIELD, newText)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        TypeAttribute type = stream.addAttribute(TypeAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          int i = terms.size();
          if (i == starts.length) {
            starts = Arrays.copyOf(starts, i * 2);
            ends = Arrays.copyOf(ends, i * 2);
            numbers = Arrays.copyOf(numbers, i * 2);
          }
          if (givenNameSyllable(i, term, offset.startOffset())) {
            terms.set(i - 1, terms.get(i - 1) + '-' + term);
            ends[i - 1] = offset.endOffset();
            if (!title && evidence.get(i - 2) == Evidence.NONE) {
              // A family name before a given name is a name even where it opens a sentence (Kim Young-sam, ...).
              evidence.set(i - 2, Evidence.CAPITALIZED);
            }
            continue;
          }
          terms.add(term.toString());
          starts[i] = offset.startOffset();
          ends[i] = offset.endOffset();
          numbers[i] = NUMBER_TYPE.equals(type.type());
          evidence.add(NameEvidence.of(term, newText, offset.startOffset(), title, shouting));
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException("reading a String cannot fail", e);
      }
    }

    /**
     * The token at {@code start} is the second syllable of a Korean given name written with a hyphen after a
     * family name (Roh Tae-woo, Kim Dae-jung, Moon Jae-in), which the tokenizer cut at its hyphen: both
     * syllables are romanized Korean syllables, so "Dow Jones-led" or "Chief Executive-elect" stay apart.
     */
    private boolean givenNameSyllable(int i, CharSequence term, int start) {
      if (i < 2 || start != ends[i - 1] + 1 || text.charAt(ends[i - 1]) != '-' || starts[i - 1] != ends[i - 2] + 1
          || text.charAt(ends[i - 2]) != ' ' || !ROMANIZED_SYLLABLE.matcher(term).matches()) {
        return false;
      }
      String first = terms.get(i - 1);
      String family = terms.get(i - 2);
      return Character.isUpperCase(first.charAt(0)) && Character.isUpperCase(family.charAt(0))
          && family.length() <= 5 && first.indexOf('-') < 0
          && ROMANIZED_SYLLABLE.matcher(first.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public int size() {
      return terms.size();
    }

    @Override
    public String term(int i) {
      return terms.get(i);
    }

    @Override
    public boolean spaced(int i) {
      return gapIs(i, ' ');
    }

    @Override
    public boolean nameWord(int i) {
      return capitalizedWord(i) && unitEndIsSingle(i) && !prefixes.contains(terms.get(i))
          && !suffixes.contains(terms.get(i));
    }

    @Override
    public boolean possessive(int i) {
      return ends[i] - starts[i] > terms.get(i).length();
    }

    /** The text between tokens {@code i - 1} and {@code i} is {@code c}; a space may be a wrapped line's end. */
    boolean gapIs(int i, char c) {
      return starts[i] == ends[i - 1] + 1 && (text.charAt(ends[i - 1]) == c || (c == ' ' && softWrap(i)));
    }

    /**
     * Tokens {@code i - 1} and {@code i} are one line break apart inside a paragraph of wire copy wrapped at a
     * fixed width ("on the New\nYork Stock Exchange"): the line is long and the next is not indented, unlike a
     * list of one name a line.
     */
    private boolean softWrap(int i) {
      int at = ends[i - 1];
      if (text.charAt(at) != '\n') {
        return false;
      }
      int lineStart = text.lastIndexOf('\n', at - 1) + 1;
      return at - lineStart >= WRAPPED_LINE;
    }

    /** The text between tokens {@code i - 1} and {@code i}. */
    String gap(int i) {
      return text.substring(ends[i - 1], starts[i]);
    }

    /** Tokens [from, to) as written, the last one without its possessive, a wrapped line joined by a space. */
    String surface(int from, int to) {
      return text.substring(starts[from], starts[to - 1]).replace('\n', ' ') + terms.get(to - 1);
    }

    boolean hasDigit(int i) {
      String term = terms.get(i);
      for (int k = 0; k < term.length(); k++) {
        if (Character.isDigit(term.charAt(k))) {
          return true;
        }
      }
      return false;
    }

    /** Capitalized and in lower case after that: Wall, Nvidia; not AI, GPT4, OpenAI or iPhone. */
    boolean capitalizedWord(int i) {
      String term = terms.get(i);
      if (term.length() < 2 || !Character.isUpperCase(term.charAt(0))) {
        return false;
      }
      for (int c = 1; c < term.length(); c++) {
        char ch = term.charAt(c);
        if (Character.isDigit(ch) || Character.isUpperCase(ch)) {
          return false;
        }
      }
      return true;
    }

    /** Capitals that remain in a headline cased from its body say nothing: the headline shouted them. */
    void withoutCapitalEvidence() {
      for (int i = 0; i < terms.size(); i++) {
        if (terms.get(i).chars().noneMatch(Character::isLowerCase)) {
          evidence.set(i, Evidence.NONE);
        }
      }
    }

    boolean unitEndIsSingle(int i) {
      return unitEnd(this, i) == i + 1;
    }

    boolean isStop(int i) {
      return stop.contains(terms.get(i));
    }
  }

  /** The lower-case phrases ({@link CommonPhrases}) the article uses: how they weigh against single words. */
  CommonPhrases phrases() {
    return phrases;
  }

  /**
   * Finds the pairs of {@code w} that may form a phrase ({@link #pairAt}), keeps their keys in {@code w.pairs},
   * and counts the lower-case ones.
   */
  private void countPhrases(Words w) {
    if (w.pairs.length < w.size()) {
      w.pairs = new String[w.starts.length];
    } else {
      Arrays.fill(w.pairs, null);
    }
    for (int i = 0; i + 1 < w.size(); i++) {
      if (pairAt(w, i)) {
        boolean lowerFirst = w.evidence.get(i) == Evidence.LOWER;
        String first = lowerFirst ? w.terms.get(i) : w.terms.get(i).toLowerCase(Locale.ROOT);
        w.pairs[i] = first + ' ' + w.terms.get(i + 1);
        if (lowerFirst) {
          phrases.count(w.pairs[i], !w.inTitle);
        }
      }
    }
  }

  /**
   * Tokens {@code i} and {@code i + 1} may form a common phrase: two words in lower case (the first may have a
   * sentence's capital; only lower-case pairs make a phrase, {@link #countPhrases}), one space apart, neither a
   * stop word nor a part of a name with digits or hyphens, the first without a possessive. Cheapest tests first:
   * this runs on every token.
   */
  private boolean pairAt(Words w, int i) {
    Evidence e = w.evidence.get(i);
    return w.evidence.get(i + 1) == Evidence.LOWER && (e == Evidence.LOWER
        || (e == Evidence.NONE && !w.inTitle && w.capitalizedWord(i)))
        && !w.numbers[i] && !w.numbers[i + 1] && w.gapIs(i + 1, ' ') && !w.possessive(i)
        && CommonPhrases.word(w.terms.get(i)) && CommonPhrases.word(w.terms.get(i + 1)) && !w.isStop(i)
        && !w.isStop(i + 1) && unitEnd(w, i) == i + 1 && unitEnd(w, i + 1) == i + 2;
  }

  /**
   * The phrase that starts at token {@code i}, or null; null too when a more frequent one starts at {@code i + 1}:
   * in "raise grain imports", written so twice beside grain imports alone, the phrase is grain imports.
   */
  private String phraseAt(Words w, int i) {
    String key = w.pairs[i];
    if (key == null || !phrases.isPhrase(key)) {
      return null;
    }
    String next = i + 1 < w.pairs.length ? w.pairs[i + 1] : null;
    return next == null || !phrases.isPhrase(next) || phrases.count(key) >= phrases.count(next) ? key : null;
  }

  private List<Occurrence> occurrences(Words w) {
    List<Occurrence> out = new ArrayList<>();
    int i = 0;
    while (i < w.size()) {
      String phrase = phraseAt(w, i);
      if (phrase != null) {
        out.add(new Occurrence(phrase, phrase, Evidence.LOWER));
        i += 2;
        continue;
      }
      int quoted = quotedTitleEnd(w, i);
      if (quoted > 0) {
        String surface = w.surface(i, quoted);
        out.add(new Occurrence(surface.toLowerCase(Locale.ROOT), surface, Evidence.NAME_SPELLING));
        i = quoted;
        continue;
      }
      int unitEnd = unitEnd(w, i);
      if (unitEnd == i + 1 && !w.shouting && w.capitalizedWord(i)) {
        i = names(w, i, out);
      } else {
        addUnit(w, i, unitEnd, out);
        i = unitEnd;
      }
    }
    return out;
  }

  /** The end (exclusive) of the name with digits or hyphens that starts at token {@code i}; i + 1 if none. */
  private int unitEnd(Words w, int i) {
    int j = i + 1;
    boolean versioned = false;
    while (j < w.size()) {
      if (w.gapIs(j, '-') && (w.hasDigit(j) || singleCapital(w.terms.get(j - 1))
          || (w.capitalizedWord(j - 1) && w.capitalizedWord(j)))) {
        j++;
      } else if (w.gapIs(j, '&') && upperInitial(w.terms.get(j - 1)) && upperInitial(w.terms.get(j))) {
        // S&P, AT&T, P&G: one name the tokenizer cut at its ampersand.
        j++;
      } else if (!versioned && w.gapIs(j, ' ') && isVersion(w, j) && isName(w, i) && !w.hasDigit(j - 1)) {
        versioned = true;
        j++;
      } else if (w.gapIs(j, ' ') && w.hasDigit(j - 1) && designation(w.terms.get(j))
          && !bodyAloneDesignations.contains(w.terms.get(j))) {
        // A designation after a name with a number: WASP-39 b, Boeing 737 MAX; not a name the article writes
        // alone too (CF6-80C2 GE engines are GE's).
        j++;
        break;
      } else {
        break;
      }
    }
    // A title joins "Grok 3" only when the body did: in a headline any word is capitalized.
    if (w.inTitle && j == i + 2 && w.gapIs(j - 1, ' ')
        && !bodyNames.contains(w.surface(i, j).toLowerCase(Locale.ROOT))) {
      return i + 1;
    }
    return j;
  }

  private static boolean upperInitial(String term) {
    return !term.isEmpty() && Character.isUpperCase(term.charAt(0));
  }

  /** A letter that names a planet or variant (b, c), or a model word in capitals (MAX, XL, PRO). */
  private static boolean designation(String term) {
    if (term.length() == 1) {
      return term.charAt(0) >= 'b' && term.charAt(0) <= 'h';
    }
    if (term.length() > 4) {
      return false;
    }
    for (int k = 0; k < term.length(); k++) {
      if (term.charAt(k) < 'A' || term.charAt(k) > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static boolean singleCapital(String term) {
    return term.length() == 1 && Character.isUpperCase(term.charAt(0));
  }

  /** A name a version number may follow: written as a name (or capitalized, in a title) and no stop word. */
  private boolean isName(Words w, int i) {
    Evidence e = w.evidence.get(i);
    boolean nameLike = e == Evidence.NAME_SPELLING || e == Evidence.CAPITALIZED
        || (w.inTitle && Character.isUpperCase(w.terms.get(i).charAt(0)));
    return nameLike && !w.hasDigit(i) && !w.isStop(i);
  }

  /** Token {@code j} is a version number: 3, 11, 3.5; not 2025, not 5%. */
  private static boolean isVersion(Words w, int j) {
    if (!w.numbers[j]) {
      return false;
    }
    String term = w.terms.get(j);
    int point = term.indexOf('.');
    int digits = point < 0 ? term.length() : point;
    boolean percent = w.ends[j] < w.text.length() && w.text.charAt(w.ends[j]) == '%';
    return digits <= VERSION_DIGITS && !percent && term.chars().allMatch(c -> Character.isDigit(c) || c == '.');
  }

  /**
   * First pass over a body: the names written mid-sentence (a run of capitalized words whose first word does not
   * open the sentence, cut at prefixes and suffixes) and the names with digits, so that the same words at a
   * sentence start or in the title are joined too, and only then.
   */
  private void collectNames(Words w) {
    int i = 0;
    while (i < w.size()) {
      int quoted = quotedTitleEnd(w, i);
      int unitEnd = unitEnd(w, i);
      if (quoted > 0) {
        bodyNames.add(w.surface(i, quoted).toLowerCase(Locale.ROOT));
        i = quoted;
      } else if (unitEnd > i + 1) {
        bodyNames.add(w.surface(i, unitEnd).toLowerCase(Locale.ROOT));
        i = unitEnd;
      } else if (!w.shouting && w.capitalizedWord(i)) {
        int end = runEnd(w, i);
        for (int k = i; k < end; ) {
          int nameEnd = nameEnd(w, k, end);
          int from = w.evidence.get(k) == Evidence.NONE ? k + 1 : k;
          while (from < nameEnd && connector(w.terms.get(from))) {
            from++;
          }
          int to = cutSuffixes(w, from, nameEnd);
          if (to - from >= 2 && to - from <= MAX_PHRASE_WORDS && !allStop(w, from, to)) {
            bodyNames.add(w.surface(from, to).toLowerCase(Locale.ROOT));
          }
          k = nameEnd;
        }
        i = end;
      } else {
        i++;
      }
    }
  }

  /**
   * The end of the quoted title of a work ({@link QuotedTitles}) that starts at token {@code i}, or -1. A headline
   * quotes a title its body has; other capitalized words it quotes are a phrase in headline case.
   */
  private int quotedTitleEnd(Words w, int i) {
    if (w.shouting) {
      return -1;
    }
    int end = QuotedTitles.end(w.text, w.terms, w.starts, w.ends, i, MAX_PHRASE_WORDS);
    if (end < 0 || allStop(w, i, end)
        || (w.inTitle && !bodyNames.contains(w.surface(i, end).toLowerCase(Locale.ROOT)))) {
      return -1;
    }
    return end;
  }

  private void collectPlainWords(Words w) {
    bodyPlainWords.clear();
    bodyAloneDesignations.clear();
    for (int i = 0; i < w.size(); i++) {
      String term = w.terms.get(i);
      if (w.capitalizedWord(i) && !w.possessive(i)) {
        bodyPlainWords.add(term);
      }
      // Tested in this order because designations are rare and hasDigit reads a whole term.
      if (designation(term) && !(i + 1 < w.size() && w.numbers[i + 1]) && !(i > 0 && w.hasDigit(i - 1))) {
        bodyAloneDesignations.add(term);
      }
    }
  }

  /**
   * The end of the run of capitalized words, one space apart, that starts at token {@code i}. A possessive ends
   * the run when the body names its word alone too: Donald Tusk's Civic Coalition is Tusk's party, not a name
   * (while People's Daily, whose "People" is never alone, stays whole).
   */
  private int runEnd(Words w, int i) {
    int end = i + 1;
    while (end < w.size()) {
      if (w.possessive(end - 1) && bodyPlainWords.contains(w.terms.get(end - 1))) {
        break;
      } else if (dateAt(w, end)) {
        // "in Venice June 8-10", a dateline's "LONDON, June 1": the date is no part of the place.
        break;
      } else if (w.gapIs(end, ' ') && w.capitalizedWord(end) && unitEnd(w, end) == end + 1) {
        end++;
      } else if (connects(w, end)) {
        end += 2;
      } else if (" & ".equals(w.gap(end)) && w.capitalizedWord(end) && unitEnd(w, end) == end + 1) {
        // Johnson & Johnson, Procter & Gamble
        end++;
      } else {
        break;
      }
    }
    return end;
  }

  /** Token {@code i} is a month followed by a day's number (June 8, Sept. 30). */
  private static boolean dateAt(Words w, int i) {
    return i + 1 < w.size() && w.numbers[i + 1] && MONTHS.contains(w.terms.get(i));
  }

  /**
   * Token {@code c} is a lower-case "of" between two capitalized words of a name (Bank of America, University
   * of Oxford), or an "and" that {@link AndNames} found to join two (Law and Justice).
   */
  private static boolean connects(Words w, int c) {
    boolean of = c + 1 < w.size() && w.terms.get(c).equals("of") && w.gapIs(c, ' ') && w.gapIs(c + 1, ' ')
        && w.capitalizedWord(c + 1) && w.unitEndIsSingle(c + 1);
    return of || w.joiningAnd.get(c);
  }

  /**
   * Token {@code k} of a run ending at {@code end} is a title or function word before a name, which starts a new
   * name and is no part of it, unless it is a title an organisation's head noun follows: Premier League (The
   * Commission stays Commission).
   */
  private boolean prefixAt(Words w, int k, int end) {
    String term = w.terms.get(k);
    return prefixes.contains(term)
        && (stop.contains(term) || k + 1 >= end || !heads.contains(w.terms.get(k + 1)));
  }

  /** A lower-case word inside a run of capitalized words: runEnd let it in only as a connector. */
  private static boolean connector(String term) {
    return term.equals("of") || term.equals("and");
  }

  /**
   * The end of the name that starts at {@code k} within a run ending at {@code end}: before the next prefix
   * (a title starts a new name), or after a suffix. A prefix at {@code k} is a name of one word, dropped. After
   * an "of" a nationality describes the organisation's object and stays: Institute of Contemporary German Affairs.
   */
  private int nameEnd(Words w, int k, int end) {
    if (prefixAt(w, k, end) || connector(w.terms.get(k))) {
      return k + 1;
    }
    int nameEnd = k + 1;
    boolean afterOf = false;
    while (nameEnd < end && (connector(w.terms.get(nameEnd)) || !prefixAt(w, nameEnd, end)
        || (afterOf && nationalities.contains(w.terms.get(nameEnd))))
        && !suffixes.contains(w.terms.get(nameEnd - 1))) {
      afterOf |= w.terms.get(nameEnd).equals("of");
      nameEnd++;
    }
    return nameEnd;
  }

  private int cutSuffixes(Words w, int from, int to) {
    int cut = to;
    while (cut > from + 1 && suffixes.contains(w.terms.get(cut - 1))) {
      cut--;
    }
    return cut;
  }

  /**
   * Reads the run of capitalized words from token {@code i} and adds its names and its other words; returns the
   * token after the run.
   */
  private int names(Words w, int i, List<Occurrence> out) {
    int end = runEnd(w, i);
    int k = i;
    while (k < end) {
      int nameEnd = nameEnd(w, k, end);
      int used = addName(w, k, cutSuffixes(w, k, nameEnd), out);
      for (int s = used; s < nameEnd; s++) {
        // A title before a name (President, Chief Executive) is no keyword of its own; alone it stays one.
        if (end - i == 1 || !prefixAt(w, s, end)) {
          addUnit(w, s, s + 1, out);
        }
      }
      k = nameEnd;
    }
    return end;
  }

  /**
   * Adds the names within the capitalized words [from, to) (no prefix among them) and returns where the words
   * it did not use start: in a body, when the first word does not open the sentence, the whole span as one
   * name; otherwise (a sentence start, a title) the longest spans the body named mid-sentence.
   */
  private int addName(Words w, int from, int to, List<Occurrence> out) {
    if (prefixAt(w, from, to)) {
      return from;
    }
    if (!w.inTitle && w.evidence.get(from) != Evidence.NONE) {
      int words = to - from;
      if (words >= 2 && words <= MAX_PHRASE_WORDS && !allStop(w, from, to)) {
        String surface = w.surface(from, to);
        out.add(new Occurrence(surface.toLowerCase(Locale.ROOT), surface, Evidence.NAME_SPELLING));
        return to;
      }
      return from;
    }
    int k = from;
    outer:
    while (k < to) {
      for (int len = Math.min(MAX_PHRASE_WORDS, to - k); len >= 2; len--) {
        String surface = w.surface(k, k + len);
        String key = surface.toLowerCase(Locale.ROOT);
        if (bodyNames.contains(key)) {
          out.add(new Occurrence(key, surface, Evidence.NAME_SPELLING));
          k += len;
          continue outer;
        }
      }
      addUnit(w, k, k + 1, out);
      k++;
    }
    return to;
  }

  private static boolean allStop(Words w, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!w.isStop(i)) {
        return false;
      }
    }
    return true;
  }

  /** Adds tokens [from, to) as one keyword: a word as before, or a name with digits or hyphens. */
  private void addUnit(Words w, int from, int to, List<Occurrence> out) {
    if (to - from == 1) {
      String term = w.terms.get(from);
      if (isWord(term, w.numbers[from]) && !w.isStop(from)) {
        // A nationality (Chinese, U.S. in U.S. officials) describes rather than names: no name weight.
        Evidence evidence = nationalities.contains(term) ? Evidence.NONE : w.evidence.get(from);
        out.add(new Occurrence(term.toLowerCase(Locale.ROOT), withAbbreviationPoint(w, from, term), evidence));
      }
      return;
    }
    String surface = w.surface(from, to);
    if (surface.chars().noneMatch(Character::isLetter)) {
      return;
    }
    out.add(new Occurrence(surface.toLowerCase(Locale.ROOT), surface, unitEvidence(w, from, to)));
  }

  /**
   * An abbreviation written with points (U.S., U.K.) shown with its last point, which the tokenizer leaves out
   * as if it ended the sentence: "U.S" is no way to write it. The key stays as counted.
   */
  private static String withAbbreviationPoint(Words w, int i, String term) {
    boolean dotted = term.length() >= 3 && term.charAt(term.length() - 2) == '.'
        && Character.isLetter(term.charAt(term.length() - 1));
    return dotted && w.ends[i] < w.text.length() && w.text.charAt(w.ends[i]) == '.' ? term + '.' : term;
  }

  /** A name with digits is a name when its first part is; an acronym anywhere in it makes it one. */
  private static Evidence unitEvidence(Words w, int from, int to) {
    for (int i = from; i < to; i++) {
      if (w.evidence.get(i) == Evidence.NAME_SPELLING) {
        return Evidence.NAME_SPELLING;
      }
    }
    return w.evidence.get(from);
  }

  /**
   * A keyword on its own: two letters or more, not a number and not an ordinal (3rd, 21ST, 4th), which is a
   * number too, whatever the tokenizer calls it.
   */
  static boolean isWord(String term, boolean number) {
    return term.length() >= 2 && !number && term.codePointCount(0, term.length()) >= 2 && !isOrdinal(term);
  }

  private static boolean isOrdinal(String term) {
    int digits = 0;
    while (digits < term.length() && term.charAt(digits) >= '0' && term.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || term.length() - digits != 2) {
      return false;
    }
    String suffix = term.substring(digits).toLowerCase(Locale.ROOT);
    return suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th");
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
