package io.newsflow.streams.keywords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds the noun keywords of Japanese text with Lucene's kuromoji morphological analyzer (IPADIC). Not
 * thread-safe.
 *
 * <p>As in Korean, a keyword is a run of nouns that touch each other, cut from the text by offsets: Japanese
 * writes no spaces and kuromoji splits compounds into dictionary words, so 日本 + 政府 gives 日本政府, 生成 + AI
 * gives 生成AI, オープン + AI gives オープンAI. Particles, verbs and auxiliaries end a run, and so do nouns that
 * are no topic on their own: dependent nouns (こと), pronouns, adverbial nouns (今日), suffixes (さん, 氏) and
 * the like. A run of numbers only is no keyword. Stop words are in {@code stopwords-ja.txt}. Normal mode keeps
 * kuromoji's dictionary compounds whole; Latin names cut at '-' or '.' are joined again (GPT-4.5).
 */
final class JapaneseKeywords implements AutoCloseable {

  private static final String FIELD = "body";
  private static final String NOUN = "名詞";
  private static final String NUMBER = "名詞-数";
  /** A single Latin letter (the X of Xプラットフォーム). */
  private static final String LETTER = "記号-アルファベット";
  /** Nouns that end a run instead of joining it. */
  private static final List<String> NOT_IN_RUN = List.of(
      "名詞-非自立", "名詞-代名詞", "名詞-副詞可能", "名詞-接尾", "名詞-特殊", "名詞-接続詞的", "名詞-動詞非自立的");

  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      return new TokenStreamComponents(new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));
    }
  };
  private final CharArraySet stop;
  private final CharArraySet englishStop;

  private int size;
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  /** 0: ends a run; 1: a noun in a run; 2: a number, in a run but no content. */
  private byte[] kinds = new byte[256];

  JapaneseKeywords(CharArraySet stop, CharArraySet englishStop) {
    this.stop = stop;
    this.englishStop = englishStop;
  }

  /** Adds the keywords of {@code text} (NFKC) to the tally, each occurrence {@code weight} times. */
  void collect(String text, int weight, boolean inTitle, Tally tally) {
    tokenize(text);
    int i = 0;
    while (i < size) {
      if (kinds[i] == 0) {
        i++;
        continue;
      }
      int end = i + 1;
      boolean content = kinds[i] == 1;
      while (end < size && kinds[end] != 0 && touches(text, end)) {
        content |= kinds[end] == 1;
        end++;
      }
      if (content) {
        add(text, starts[i], ends[end - 1], weight, inTitle, tally);
      }
      i = end;
    }
  }

  /** Token {@code j} continues the run of {@code j - 1}: no gap, or a Latin name cut at '-' or '.'. */
  private boolean touches(String text, int j) {
    if (starts[j] == ends[j - 1]) {
      return true;
    }
    return LatinNames.end(text, starts, ends, size, j - 1) > j;
  }

  private void add(String text, int start, int end, int weight, boolean inTitle, Tally tally) {
    String surface = text.substring(start, end);
    if (surface.codePointCount(0, surface.length()) < 2) {
      return;
    }
    String key = surface.toLowerCase(Locale.ROOT);
    if (!stop.contains(key) && !englishStop.contains(key)) {
      tally.add(key, surface, weight, inTitle);
    }
  }

  private void tokenize(String text) {
    size = 0;
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (size == starts.length) {
          starts = Arrays.copyOf(starts, size * 2);
          ends = Arrays.copyOf(ends, size * 2);
          kinds = Arrays.copyOf(kinds, size * 2);
        }
        starts[size] = offset.startOffset();
        ends[size] = offset.endOffset();
        kinds[size] = kind(pos.getPartOfSpeech());
        size++;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private static byte kind(String partOfSpeech) {
    if (partOfSpeech != null && partOfSpeech.startsWith(LETTER)) {
      return 1;
    }
    if (partOfSpeech == null || !partOfSpeech.startsWith(NOUN)) {
      return 0;
    }
    if (partOfSpeech.startsWith(NUMBER)) {
      return 2;
    }
    for (String excluded : NOT_IN_RUN) {
      if (partOfSpeech.startsWith(excluded)) {
        return 0;
      }
    }
    return 1;
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
