package io.newsflow.streams.keywords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds the keywords of Chinese text with Lucene's smartcn word segmenter (a hidden Markov model over a
 * dictionary of simplified Chinese). Not thread-safe.
 *
 * <p>A keyword is a word of two or more characters that is not a stop word ({@code stopwords-zh.txt}), or a
 * Latin word (DeepSeek, shown as written although smartcn lower-cases it). Names smartcn does not know come
 * out one character at a time (英伟达 as 英 + 伟 + 达, 特朗普 as 特 + 朗 + 普); a run of two to
 * {@value #MAX_RUN} such single characters touching each other is joined again into one keyword, as long as
 * none of them is a single-character stop word (的, 了, 在 ...), which ends the run. Latin and number words
 * joined by one '-' or '.' stay one keyword (GPT-4.5).
 */
final class ChineseKeywords implements AutoCloseable {

  /** Longer runs of single characters are rarely one name: 对华加征关税 is a phrase, not a word. */
  static final int MAX_RUN = 4;
  private static final String FIELD = "body";

  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      return new TokenStreamComponents(new HMMChineseTokenizer());
    }
  };
  private final CharArraySet stop;
  private final CharArraySet englishStop;

  private int size;
  private int[] starts = new int[256];
  private int[] ends = new int[256];

  ChineseKeywords(CharArraySet stop, CharArraySet englishStop) {
    this.stop = stop;
    this.englishStop = englishStop;
  }

  /** Adds the keywords of {@code text} (NFKC) to the tally, each occurrence {@code weight} times. */
  void collect(String text, int weight, boolean inTitle, Tally tally) {
    tokenize(text);
    int i = 0;
    while (i < size) {
      int end = LatinNames.end(text, starts, ends, size, i);
      if (end > i + 1) {
        add(text, starts[i], ends[end - 1], weight, inTitle, tally);
        i = end;
      } else if (singleHan(text, i)) {
        int runEnd = i + 1;
        while (runEnd < size && starts[runEnd] == ends[runEnd - 1] && singleHan(text, runEnd)) {
          runEnd++;
        }
        if (runEnd - i >= 2 && runEnd - i <= MAX_RUN) {
          add(text, starts[i], ends[runEnd - 1], weight, inTitle, tally);
        }
        i = runEnd;
      } else {
        add(text, starts[i], ends[i], weight, inTitle, tally);
        i++;
      }
    }
  }

  /** A single Han character that may be part of a name: not a stop character. */
  private boolean singleHan(String text, int i) {
    if (ends[i] - starts[i] != 1) {
      return false;
    }
    char c = text.charAt(starts[i]);
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !stop.contains(String.valueOf(c));
  }

  private void add(String text, int start, int end, int weight, boolean inTitle, Tally tally) {
    String surface = text.substring(start, end);
    if (surface.codePointCount(0, surface.length()) < 2 || surface.chars().noneMatch(Character::isLetter)) {
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
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        // smartcn emits punctuation as words; only tokens with a letter or digit matter.
        if (!hasLetterOrDigit(text, start, end)) {
          continue;
        }
        if (size == starts.length) {
          starts = Arrays.copyOf(starts, size * 2);
          ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private static boolean hasLetterOrDigit(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
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
