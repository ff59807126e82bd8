package io.newsflow.streams.keywords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.DictionaryToken;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.Token;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.AttributeImpl;

/**
 * Finds the noun keywords of Korean text with Nori and a user dictionary, keeping nouns written together whole.
 * Not thread-safe: it reuses its buffers across calls.
 *
 * <p>Stock Nori splits words it does not know (딥시크 becomes 딥 + 시크, 바이트댄스 becomes 바이트 + 댄스, 오픈AI
 * becomes 오픈 + AI); the user dictionary ({@link KeywordConfig}) names the ones that matter. Whatever Nori
 * still splits is joined again: Korean writes one word (eojeol) as noun stem(s) followed by particles and
 * endings, so the keyword of a word is its leading run of noun, foreign-word and number tokens that touch each
 * other in the text, cut from the original text by offsets: 딥시크가 gives 딥시크, 오픈AI의 gives 오픈AI. The run
 * ends at the first particle, ending, suffix or verb token and the rest of the word is skipped.
 *
 * <p>Names with digits stay one keyword: Latin and number tokens joined by one '-' or '.' (GPT-4.5, H100,
 * K-뷰티), and a name standing alone in its word followed by a space and a version number standing alone in
 * its word (그록 3, 아이폰 16, 클로드 3.5), when the name is in the user dictionary, a proper noun to Nori, or
 * written in Latin letters. Country abbreviations in Hanja are folded first ({@link HanjaAbbreviations}).
 *
 * <p>Mode NONE keeps the dictionary's compounds (고성능) as one token and emits no overlapping tokens, which
 * is what offset-joining needs; the joining makes DISCARD's splits pointless anyway.
 */
final class KoreanKeywords implements AutoCloseable {

  /** What keyword-candidates hears: a word Nori did not know, and how Nori read it. */
  interface CandidateSink {
    void candidate(String word, CandidateKind kind, String reading);
  }

  /** Why a word is a candidate dictionary entry. */
  enum CandidateKind {
    /** Nori read it as several tokens that the joining put back together (딥 + 시크). */
    JOINED,
    /** Nori read a particle or a verb inside it, so the keyword lost a part (마이크 + 로 + 소프트). */
    SPLIT,
    /** One token Nori's unknown-word handling made up. */
    UNKNOWN
  }

  private static final String FIELD = "body";
  private static final String END_SENTINEL = "\n.";
  private static final byte KNOWN = 0;
  private static final byte UNKNOWN = 1;
  private static final byte USER = 2;
  /** A version number after a name has at most this many digits before its point: 3, 16, 3.5, not 2025. */
  private static final int VERSION_DIGITS = 3;

  /** Tags a keyword run is made of: nouns, foreign words (SL), Hanja (SH), and numbers attached to them. */
  private static final Set<POS.Tag> RUN = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH, POS.Tag.SN);
  /** A run must hold one of these; a number alone (2025, 제3) is no keyword. */
  private static final Set<POS.Tag> CONTENT = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH);
  /** What the head of a spaced compound is read as: see {@link #commonHead}. */
  private static final Set<POS.Tag> HEAD = EnumSet.of(POS.Tag.NNG, POS.Tag.XSN, POS.Tag.MAG);
  /** Tokens that make a word irregular when they come after a particle or a verb inside it. */
  private static final Set<POS.Tag> NOUNS = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL);
  /**
   * One syllable at the very start of a word that Nori read as a prefix, determiner, interjection, particle
   * or bound noun although a noun follows: it belongs to the noun (저비용, 고효율, 재정비, 엔비디아 read as 엔 +
   * 비디아 without the dictionary, 우융밍 as 우 + 융밍), since a particle or bound noun cannot open a word. So
   * does a verb's adnominal form (언체인징 read as 언/VV + 체인징): Korean spaces an adnominal from its noun, so
   * one glued to a noun is part of it.
   */
  private static final Set<POS.Tag> LEADING = EnumSet.of(
      POS.Tag.XPN, POS.Tag.MM, POS.Tag.IC, POS.Tag.J, POS.Tag.E, POS.Tag.NNB, POS.Tag.VV, POS.Tag.VA);
  /**
   * Bound suffixes that Nori tags as free nouns after a word it does not know (딥시크발 = 딥시크 + 발):
   * 발 (from), 측 (side), 산 (made in), 용 (for), 급 (class). Dropped from the end of a run of two or more.
   */
  private static final Set<String> TRAILING_SUFFIXES = Set.of("발", "측", "산", "용", "급");

  private final Analyzer analyzer;
  private final CharArraySet koreanStop;
  private final CharArraySet englishStop;
  private final HanjaAbbreviations hanja = HanjaAbbreviations.table();
  private CandidateSink sink;
  private final NounStems stems = new NounStems();
  private final SpacedCompounds compounds = new SpacedCompounds(StopWords.koreanTitles());
  private final Set<String> pairs = new LinkedHashSet<>();
  private Map<String, Set<String>> learnedNames = Map.of();
  private String readTitle;
  private String readBody;
  private String foldedTitle;
  private String foldedBody;

  // The tokens of the current text, in order.
  private int size;
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private POS.Tag[] lefts = new POS.Tag[256];
  private POS.Tag[] rights = new POS.Tag[256];
  private byte[] types = new byte[256];
  /** Set by {@link #versionAfter}: the last number token of the version. */
  private int versionLast;

  KoreanKeywords(UserDictionary userDictionary, CharArraySet koreanStop, CharArraySet englishStop) {
    this.koreanStop = koreanStop;
    this.englishStop = englishStop;
    this.analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new KoreanTokenizer(TypedPartOfSpeech.FACTORY, userDictionary,
            KoreanTokenizer.DecompoundMode.NONE, false, true));
      }
    };
  }

  /** From now on, also report the words Nori did not know to {@code candidates}. */
  void reportCandidatesTo(CandidateSink candidates) {
    this.sink = candidates;
  }

  /**
   * Learns from an article's own words which are nouns (see {@link NounStems}), before its title and body;
   * {@code learnedNouns} are those the stream has shown whole.
   */
  void readArticle(String title, String body, LearnedModel model) {
    readTitle = title;
    readBody = body;
    foldedTitle = hanja.fold(title);
    foldedBody = hanja.fold(body);
    learnedNames = model.namesByFirstWord();
    pairs.clear();
    stems.read(foldedTitle, foldedBody, model.nouns(), compounds);
  }

  /** What the last article read teaches the keyword model: see {@link NounStems#evidence()}. */
  Set<String> nounEvidence() {
    return stems.evidence();
  }

  /**
   * Every keyword of the last article that stood alone in its word and was followed, one space on, by a word
   * that can be a noun and is no common noun Nori knows, as "keyword noun" (샘 알트만, 오픈AI 최고경영자):
   * what the keyword model learns names written with a space from, when the stream shows a pair together far
   * more often than the second word with any other first.
   */
  Set<String> pairEvidence() {
    return pairs;
  }

  /** The title and body {@link #readArticle} folded, so that collecting them does not fold them again. */
  private String fold(String text) {
    if (text == readTitle) {
      return foldedTitle;
    }
    return text == readBody ? foldedBody : hanja.fold(text);
  }

  /** Adds the keywords of {@code text} (NFKC) to the tally, each occurrence {@code weight} times. */
  void collect(String text, int weight, boolean inTitle, Tally tally) {
    String folded = fold(text);
    tokenize(folded);
    int i = 0;
    while (i < size) {
      i = emitWord(folded, i, segmentEnd(folded, i), weight, inTitle, tally);
    }
  }

  /**
   * Every word of {@code phrase} (NFKC) is one common noun Nori knows (지각 처리, 공해 보호): a phrase a headline
   * quotes to describe, where a name has a word Nori does not know, a name, a figure or a particle in it.
   */
  boolean commonNounsOnly(String phrase) {
    tokenize(phrase);
    int words = phrase.split(" ").length;
    int tokens = 0;
    while (tokens < size && starts[tokens] < phrase.length()) {
      tokens++;
    }
    if (tokens != words) {
      return false;
    }
    for (int i = 0; i < words; i++) {
      if (types[i] != KNOWN || lefts[i] != POS.Tag.NNG || rights[i] != POS.Tag.NNG) {
        return false;
      }
    }
    return true;
  }

  private void tokenize(String text) {
    size = 0;
    // At the very end of its input Nori reads a final particle as a noun (오픈AI의 -> 오픈 + AI + 의/NNG,
    // 노동자의 -> 노동 + 자의); a sentinel sentence end makes the real end look like any other word boundary.
    try (TokenStream stream = analyzer.tokenStream(FIELD, text + END_SENTINEL)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      TypedPartOfSpeech pos = (TypedPartOfSpeech) stream.addAttribute(PartOfSpeechAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        push(offset.startOffset(), offset.endOffset(), pos.getLeftPOS(), pos.getRightPOS(), pos.type);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private void push(int start, int end, POS.Tag left, POS.Tag right, byte type) {
    if (size == starts.length) {
      int grown = size * 2;
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
      lefts = Arrays.copyOf(lefts, grown);
      rights = Arrays.copyOf(rights, grown);
      types = Arrays.copyOf(types, grown);
    }
    starts[size] = start;
    ends[size] = end;
    lefts[size] = left;
    rights[size] = right;
    types[size] = type;
    size++;
  }

  /** The end (exclusive) of the word whose first token is {@code start}: tokens that touch, or are bridged. */
  private int segmentEnd(String text, int start) {
    int j = start + 1;
    while (j < size && (starts[j] == ends[j - 1] || bridged(text, j))) {
      j++;
    }
    return j;
  }

  /**
   * Tokens {@code j - 1} and {@code j} are one name although one character lies between them: nouns that meet
   * with Latin letters or digits around a '-' or '.' (GPT-4.5, 챗GPT-4o, U.S), capitals around a '&' (S&P500,
   * AT&T), or one Latin letter and a noun around a '-' (K-뷰티).
   */
  private boolean bridged(String text, int j) {
    if (starts[j] != ends[j - 1] + 1 || !RUN.contains(rights[j - 1]) || !RUN.contains(lefts[j])) {
      return false;
    }
    char between = text.charAt(ends[j - 1]);
    if (between == '&') {
      return capital(text.charAt(ends[j - 1] - 1)) && capital(text.charAt(starts[j]));
    }
    if (between != '-' && between != '.') {
      return false;
    }
    if (latinOrDigit(text.charAt(ends[j - 1] - 1)) && latinOrDigit(text.charAt(starts[j]))) {
      return true;
    }
    return between == '-' && lefts[j - 1] == POS.Tag.SL && ends[j - 1] - starts[j - 1] == 1;
  }

  private static boolean capital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean latinOrDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Turns the word of tokens [segStart, segEnd) into at most one keyword; returns the next token to read. */
  private int emitWord(String text, int segStart, int segEnd, int weight, boolean inTitle, Tally tally) {
    int first = segStart;
    while (first < segEnd && !inRun(first)) {
      first++;
    }
    if (first == segEnd) {
      return segEnd;
    }
    int from = first;
    if (first == segStart + 1 && LEADING.contains(lefts[segStart]) && ends[segStart] - starts[segStart] == 1) {
      from = segStart;
    }
    int to = first;
    while (to < segEnd && inRun(to)) {
      to++;
    }
    int runEnd = to;
    if (to - first >= 2 && TRAILING_SUFFIXES.contains(text.substring(starts[to - 1], ends[to - 1]))) {
      to--;
    }
    if (sink != null) {
      reportCandidates(text, segStart, segEnd, from, runEnd, to);
    }
    if (!hasContent(first, to)) {
      return segEnd;
    }
    int surfaceEnd = ends[to - 1];
    int next = segEnd;
    if (to == segEnd && versionable(to - 1)) {
      int afterVersion = versionAfter(text, segEnd);
      if (afterVersion > 0) {
        surfaceEnd = ends[versionLast];
        next = afterVersion;
      }
    }
    String surface = text.substring(starts[from], surfaceEnd);
    boolean common = to - from == 1 && types[from] == KNOWN && lefts[from] == POS.Tag.NNG;
    if (next == segEnd) {
      String noun = stems.nounAround(text, starts[from], surfaceEnd);
      if (noun != null) {
        surface = noun;
        common = false;
      }
    }
    if (next == segEnd) {
      int joined = joinWithNextWord(text, surface, starts[from], segEnd);
      if (joined > 0) {
        surface = joinedSurface;
        // A compound whose head is a common noun Nori knows (패권 경쟁, AI 발전, 선거구 획정) is informative only
        // when rare, as its head is; one whose head is a name or a new word (샘 알트만, 선거구 획정안) is a name.
        common = joinedCommon;
        next = joined;
      }
    }
    if (surface.codePointCount(0, surface.length()) < 2) {
      return next;
    }
    String key = surface.toLowerCase(Locale.ROOT);
    if (KoreanNewsroom.isAnonymous(key, text, surfaceEndOf(text, surface, starts[from]))
        || KoreanNewsroom.isMeasure(key) || KoreanNewsroom.isByline(surface, text, ends[next - 1])
        || (next == segEnd && NounStems.wordStart(text, starts[from]) == starts[from]
            && KoreanNewsroom.isAddress(surface, text, starts[from], starts[from] + surface.length(), koreanStop))) {
      return next;
    }
    if (!koreanStop.contains(key) && !englishStop.contains(key)) {
      tally.add(key, surface, weight, inTitle, common ? Tally.Evidence.COMMON_NOUN : latinEvidence(surface, text,
          starts[from], inTitle));
    }
    return next;
  }

  private static int surfaceEndOf(String text, String surface, int start) {
    return text.startsWith(surface, start) ? start + surface.length() : start;
  }

  /** Set by {@link #joinWithNextWord}: the joined name. */
  private String joinedSurface;
  /** Set by {@link #joinWithNextWord}: the joined word's second noun is a common noun Nori knows. */
  private boolean joinedCommon;

  /**
   * Records the pair of {@code surface} and the next word's noun (see {@link #pairEvidence}) when the keyword is
   * its whole word and one space precedes the next; when the model learned that pair as a name, or the article
   * binds the two into a compound whose head reads as a common noun ({@link SpacedCompounds}), joins them
   * ({@link #joinedSurface}, {@link #joinedCommon}) and returns the token after the next word, else 0.
   */
  private int joinWithNextWord(String text, String surface, int tokenStart, int nextToken) {
    int wordStart = NounStems.wordStart(text, tokenStart);
    int wordEnd = wordStart + surface.length();
    if (!text.startsWith(surface, wordStart) || wordEnd + 1 >= text.length() || text.charAt(wordEnd) != ' '
        || !NounStems.wordChar(text.charAt(wordEnd + 1))) {
      return 0;
    }
    int nextEnd = NounStems.wordEnd(text, wordEnd + 1);
    String noun = NounStems.nounOf(text.substring(wordEnd + 1, nextEnd));
    if (noun == null || koreanStop.contains(surface.toLowerCase(Locale.ROOT)) || koreanStop.contains(noun)) {
      return 0;
    }
    boolean aligned = nextToken < size && starts[nextToken] == wordEnd + 1;
    boolean join = aligned && compounds.joins(surface, noun) && commonHead(nextToken, wordEnd + 1 + noun.length());
    boolean commonSecond = commonNounAt(nextToken, wordEnd + 1, noun);
    joinedCommon = join && commonSecond;
    if (!commonSecond) {
      pairs.add(surface + " " + noun);
      Set<String> seconds = learnedNames.get(surface);
      join |= aligned && seconds != null && seconds.contains(noun);
    }
    if (!join) {
      return 0;
    }
    joinedSurface = surface + " " + noun;
    return segmentEnd(text, nextToken);
  }

  /**
   * True when the tokens from {@code i} up to {@code end} read as a common noun: a common noun first, then only
   * common nouns, suffixes or what Nori misreads inside unknown nouns (획정안 = 획정/NNG + 안/MAG), never a name,
   * particle or number (이용자/NNP, 장 + 에/J, 3사).
   */
  private boolean commonHead(int i, int end) {
    if (i >= size || lefts[i] != POS.Tag.NNG) {
      return false;
    }
    int j = i;
    while (j < size && ends[j] <= end) {
      if (!HEAD.contains(lefts[j]) || !HEAD.contains(rights[j])) {
        return false;
      }
      j++;
    }
    return ends[j - 1] == end;
  }

  /**
   * True when token {@code i} is {@code noun} at {@code start} and a common noun Nori knows: a phrase of two such
   * words (정책 발표, 정책 논의) is two keywords however often the stream writes it, a name's second word is one
   * Nori does not know (알트만).
   */
  private boolean commonNounAt(int i, int start, String noun) {
    return i < size && starts[i] == start && ends[i] - start == noun.length() && types[i] == KNOWN
        && lefts[i] == POS.Tag.NNG;
  }

  /**
   * A Latin model or product designation in Korean text (GPT-4.5, GPT-5, H100, NX-7: capitals and a digit,
   * opening with a letter) weighs as an English name does: a Korean article writes it once, where the story
   * turns on it. Plain acronyms (AI, CEO), measures (1.1AU, 0.8kWh) and names with a number after a space
   * (BMI 27) do not: measured on the judgement set, they cost more precision than they bring.
   */
  private static Tally.Evidence latinEvidence(String surface, String text, int start, boolean inTitle) {
    for (int i = 0; i < surface.length(); i++) {
      char c = surface.charAt(i);
      if (c >= '\uAC00' && c <= '\uD7A3' || c >= '\u3131' && c <= '\u318E') {
        return Tally.Evidence.NONE;
      }
    }
    if (surface.isEmpty() || !Character.isLetter(surface.charAt(0)) || surface.indexOf(' ') >= 0) {
      return Tally.Evidence.NONE;
    }
    boolean digit = false;
    for (int i = 0; i < surface.length() && !digit; i++) {
      digit = Character.isDigit(surface.charAt(i));
    }
    Tally.Evidence evidence = NameEvidence.of(surface, text, start, inTitle, false);
    return digit && evidence == Tally.Evidence.NAME_SPELLING ? evidence : Tally.Evidence.NONE;
  }

  /** A name a version number may follow: in the user dictionary, a proper noun to Nori, or Latin. */
  private boolean versionable(int i) {
    return types[i] == USER || lefts[i] == POS.Tag.NNP || rights[i] == POS.Tag.NNP || lefts[i] == POS.Tag.SL;
  }

  /**
   * When the word after the one ending at token {@code segEnd - 1} is one space away and is a version number
   * (3, 16, 3.5, with particles at most: 3은), the end of that word; else -1.
   */
  private int versionAfter(String text, int segEnd) {
    if (segEnd >= size || starts[segEnd] != ends[segEnd - 1] + 1 || text.charAt(ends[segEnd - 1]) != ' ') {
      return -1;
    }
    int wordEnd = segmentEnd(text, segEnd);
    int k = segEnd;
    while (k < wordEnd && lefts[k] == POS.Tag.SN) {
      k++;
    }
    if (k == segEnd) {
      return -1;
    }
    for (int j = k; j < wordEnd; j++) {
      if (lefts[j] != POS.Tag.J) {
        return -1;
      }
    }
    int digits = 0;
    for (int c = starts[segEnd]; c < ends[k - 1] && Character.isDigit(text.charAt(c)); c++) {
      digits++;
    }
    int decimals = 0;
    for (int c = starts[segEnd] + digits + 1; c < ends[k - 1] && Character.isDigit(text.charAt(c)); c++) {
      decimals++;
    }
    boolean percent = ends[k - 1] < text.length() && text.charAt(ends[k - 1]) == '%';
    // 3, 16, 3.5 are versions; 11.20 and 6.35% after a name are prices and changes (엔비디아 11.20% 상승).
    if (digits > VERSION_DIGITS || decimals > 1 || percent || thousandsFollow(text, wordEnd)) {
      return -1;
    }
    versionLast = k - 1;
    return wordEnd;
  }

  /**
   * The word after {@code wordEnd} is a group of exactly three digits one space on: the number was written with
   * spaces between its thousands (93 733 703, as text stripped of its commas has them), so it is an amount.
   */
  private boolean thousandsFollow(String text, int wordEnd) {
    int at = ends[wordEnd - 1];
    if (at + 4 > text.length() || text.charAt(at) != ' ') {
      return false;
    }
    for (int c = at + 1; c < at + 4; c++) {
      if (!Character.isDigit(text.charAt(c))) {
        return false;
      }
    }
    return at + 4 == text.length() || !Character.isDigit(text.charAt(at + 4));
  }

  private boolean inRun(int i) {
    return RUN.contains(lefts[i]) && RUN.contains(rights[i]);
  }

  private boolean hasContent(int from, int to) {
    for (int i = from; i < to; i++) {
      if (CONTENT.contains(lefts[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports the word of tokens [segStart, segEnd), whose keyword run is [from, to) ([from, runEnd) before a
   * bound suffix was dropped), when Nori did not know it: a noun after a particle or verb inside the word, or
   * a run that does not open the word, means Nori misread it (SPLIT, the word up to its last noun); a run of
   * several tokens (JOINED) or one unknown token (UNKNOWN) means Nori had no entry for it. Compounds of common
   * nouns Nori knows, each of two syllables or more (개인정보), are left out: the joining keeps them whole, an
   * entry would change nothing. So are stop words and words that start with a digit.
   */
  private void reportCandidates(String text, int segStart, int segEnd, int from, int runEnd, int to) {
    int lastNoun = -1;
    for (int i = segEnd - 1; i >= segStart; i--) {
      if (NOUNS.contains(lefts[i])) {
        lastNoun = i;
        break;
      }
    }
    if (lastNoun < 0) {
      return;
    }
    if (lastNoun >= runEnd || from > segStart) {
      report(text, segStart, lastNoun + 1, CandidateKind.SPLIT);
    } else if (to - from >= 2 && !commonCompound(from, to)) {
      report(text, from, to, CandidateKind.JOINED);
    } else if (to - from == 1 && types[from] == UNKNOWN) {
      report(text, from, to, CandidateKind.UNKNOWN);
    }
  }

  private boolean commonCompound(int from, int to) {
    for (int i = from; i < to; i++) {
      if (types[i] != KNOWN || lefts[i] != POS.Tag.NNG || ends[i] - starts[i] < 2) {
        return false;
      }
    }
    return true;
  }

  private void report(String text, int from, int to, CandidateKind kind) {
    boolean hangul = false;
    StringBuilder reading = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (types[i] == USER) {
        return;
      }
      String part = text.substring(starts[i], ends[i]);
      hangul |= part.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
      if (i > from) {
        reading.append(' ');
      }
      reading.append(part).append('/').append(lefts[i]);
    }
    String word = text.substring(starts[from], ends[to - 1]);
    if (hangul && word.codePointCount(0, word.length()) >= 2 && Character.isLetter(word.codePointAt(0))
        && word.chars().noneMatch(Character::isWhitespace) && !koreanStop.contains(word)) {
      sink.candidate(word, kind, reading.toString());
    }
  }

  @Override
  public void close() {
    analyzer.close();
  }

  /**
   * Nori's part-of-speech attribute that also remembers whether the token came from Nori's dictionary, the
   * user dictionary, or its unknown-word handling, which Nori keeps to itself otherwise.
   */
  static final class TypedPartOfSpeech extends PartOfSpeechAttributeImpl {

    static final AttributeFactory FACTORY = new AttributeFactory() {
      @Override
      public AttributeImpl createAttributeInstance(Class<? extends Attribute> attClass) {
        return attClass == PartOfSpeechAttribute.class
            ? new TypedPartOfSpeech()
            : Tokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY.createAttributeInstance(attClass);
      }
    };

    byte type = KNOWN;

    @Override
    public void setToken(Token token) {
      super.setToken(token);
      type = token instanceof DictionaryToken dictionary
          ? (dictionary.isUser() ? USER : dictionary.isUnknown() ? UNKNOWN : KNOWN)
          : KNOWN;
    }

    @Override
    public void clear() {
      super.clear();
      type = KNOWN;
    }
  }
}
