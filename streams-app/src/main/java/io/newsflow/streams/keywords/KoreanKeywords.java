package io.newsflow.streams.keywords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds the noun keywords of Korean text with Nori, keeping nouns written together whole without a user
 * dictionary. Not thread-safe: it reuses its buffers across calls.
 *
 * <p>Stock Nori splits words it does not know (딥시크 becomes 딥 + 시크, 바이트댄스 becomes 바이트 + 댄스, 오픈AI
 * becomes 오픈 + AI). Korean writes one word (eojeol) as noun stem(s) followed by particles and endings, so
 * the keyword of a word is its leading run of noun, foreign-word and number tokens that touch each other in the
 * text, cut from the original text by offsets: 딥시크가 gives 딥시크, 오픈AI의 gives 오픈AI. The run ends at
 * the first particle, ending, suffix or verb token and the rest of the word is skipped.
 *
 * <p>Mode NONE keeps the dictionary's compounds (고성능) as one token and emits no overlapping tokens, which
 * is what offset-joining needs; the joining makes DISCARD's splits pointless anyway.
 */
final class KoreanKeywords implements AutoCloseable {

  private static final String FIELD = "body";
  private static final String END_SENTINEL = "\n.";

  /** Tags a keyword run is made of: nouns, foreign words (SL), Hanja (SH), and numbers attached to them. */
  private static final Set<POS.Tag> RUN = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH, POS.Tag.SN);
  /** A run must hold one of these; a number alone (2025, 제3) is no keyword. */
  private static final Set<POS.Tag> CONTENT = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH);
  /**
   * One syllable at the very start of a word that Nori read as a prefix, determiner, interjection, particle
   * or bound noun although a noun follows: it belongs to the noun (저비용, 고효율, 재정비, 그록, 엔비디아 read
   * as 엔 + 비디아, 우융밍 as 우 + 융밍), since a particle or bound noun cannot open a word.
   */
  private static final Set<POS.Tag> LEADING = EnumSet.of(
      POS.Tag.XPN, POS.Tag.MM, POS.Tag.IC, POS.Tag.J, POS.Tag.E, POS.Tag.NNB);
  /**
   * Bound suffixes that Nori tags as free nouns after a word it does not know (딥시크발 = 딥시크 + 발):
   * 발 (from), 측 (side), 산 (made in), 용 (for), 급 (class). Dropped from the end of a run of two or more.
   */
  private static final Set<String> TRAILING_SUFFIXES = Set.of("발", "측", "산", "용", "급");

  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new KoreanTokenizer(Tokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null,
          KoreanTokenizer.DecompoundMode.NONE, false, true);
      return new TokenStreamComponents(tokenizer);
    }
  };
  private final CharArraySet koreanStop;
  private final CharArraySet englishStop;

  // One segment: tokens that touch each other (end offset == next start offset).
  private int size;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private POS.Tag[] lefts = new POS.Tag[16];
  private POS.Tag[] rights = new POS.Tag[16];

  KoreanKeywords(CharArraySet koreanStop, CharArraySet englishStop) {
    this.koreanStop = koreanStop;
    this.englishStop = englishStop;
  }

  /** Adds the keywords of {@code text} (NFKC) to the tally, each occurrence {@code weight} times. */
  void collect(String text, int weight, boolean inTitle, Tally tally) {
    size = 0;
    // At the very end of its input Nori reads a final particle as a noun (오픈AI의 -> 오픈 + AI + 의/NNG,
    // 노동자의 -> 노동 + 자의); a sentinel sentence end makes the real end look like any other word boundary.
    try (TokenStream stream = analyzer.tokenStream(FIELD, text + END_SENTINEL)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        if (size > 0 && start != ends[size - 1]) {
          emit(text, weight, inTitle, tally);
          size = 0;
        }
        push(start, offset.endOffset(), pos.getLeftPOS(), pos.getRightPOS());
      }
      stream.end();
      emit(text, weight, inTitle, tally);
      size = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private void push(int start, int end, POS.Tag left, POS.Tag right) {
    if (size == starts.length) {
      int grown = size * 2;
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
      lefts = Arrays.copyOf(lefts, grown);
      rights = Arrays.copyOf(rights, grown);
    }
    starts[size] = start;
    ends[size] = end;
    lefts[size] = left;
    rights[size] = right;
    size++;
  }

  /** Turns the current segment into at most one keyword. */
  private void emit(String text, int weight, boolean inTitle, Tally tally) {
    int first = 0;
    while (first < size && !inRun(first)) {
      first++;
    }
    if (first == size) {
      return;
    }
    int from = first;
    if (first == 1 && LEADING.contains(lefts[0]) && ends[0] - starts[0] == 1) {
      from = 0;
    }
    int to = first;
    while (to < size && inRun(to)) {
      to++;
    }
    if (to - first >= 2 && TRAILING_SUFFIXES.contains(text.substring(starts[to - 1], ends[to - 1]))) {
      to--;
    }
    if (!hasContent(first, to)) {
      return;
    }
    String surface = text.substring(starts[from], ends[to - 1]);
    if (surface.codePointCount(0, surface.length()) < 2) {
      return;
    }
    String key = surface.toLowerCase(Locale.ROOT);
    if (koreanStop.contains(key) || englishStop.contains(key)) {
      return;
    }
    tally.add(key, surface, weight, inTitle);
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

  @Override
  public void close() {
    analyzer.close();
  }
}
