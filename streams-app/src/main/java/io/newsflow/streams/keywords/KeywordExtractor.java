package io.newsflow.streams.keywords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Extracts the ranked keywords of an article: Korean nouns with Nori ({@link KoreanKeywords}), English words
 * with Lucene's standard tokenizer, ranked with names first ({@link NameEvidence}), other languages as
 * lower-cased words.
 *
 * <p>NOT thread-safe: one instance per stream thread. The Lucene analyzers are built once, in the constructor,
 * because building Nori is the most expensive step of the pipeline; never create one per record. Usable
 * offline (no Kafka). Close it to release the analyzers.
 */
public final class KeywordExtractor implements AutoCloseable {

  /** A word in the title says more about the article than one in the body. */
  public static final int TITLE_WEIGHT = 2;

  /**
   * An English name (OpenAI, GPT, Nvidia) outranks a common word of up to three times its count: names are
   * what trend lists are read for, and without a POS model common verbs and adjectives are hard to tell apart.
   */
  public static final int NAME_WEIGHT = 3;

  private static final String FIELD = "body";
  private static final String NUMBER_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

  private final KoreanKeywords korean;
  private final Analyzer english;
  private final Analyzer other;

  public KeywordExtractor() {
    CharArraySet englishStop = StopWords.englishWithNewsWords();
    this.korean = new KoreanKeywords(StopWords.korean(), englishStop);
    // No stemming: a keyword is shown as written, so it must stay a real word.
    this.english = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        return new TokenStreamComponents(tokenizer, new StopFilter(stream, englishStop));
      }
    };
    // Until issue 6 brings per-language analyzers: words, lower-cased, no stop words.
    this.other = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
      }
    };
  }

  /**
   * All keywords of the article, ranked by score, then by first occurrence (title first). The score is the
   * count (title occurrences count {@link #TITLE_WEIGHT} times), in English times {@link #NAME_WEIGHT} for a
   * name. A keyword's display form is its most frequent form in the body (ties: the earlier), the title's form
   * only when the body lacks the word; an English name shows its name form (OpenAI, never openai). English
   * words written only in lower case and only once are left out. {@code language} is an ISO 639-1 code:
   * "ko", "en", anything else.
   */
  public List<Keyword> extract(String title, String body, String language) {
    String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
    Tally tally = new Tally();
    collect(nfkc(title), TITLE_WEIGHT, true, lang, tally);
    collect(nfkc(body), 1, false, lang, tally);
    return tally.ranked();
  }

  /** The display forms of the first {@code limit} keywords of {@link #extract}. */
  public List<String> topDisplayForms(String title, String body, String language, int limit) {
    List<Keyword> all = extract(title, body, language);
    List<String> top = new ArrayList<>(Math.min(limit, all.size()));
    for (int i = 0; i < all.size() && i < limit; i++) {
      top.add(all.get(i).display());
    }
    return top;
  }

  private void collect(String text, int weight, boolean inTitle, String language, Tally tally) {
    if (text.isEmpty()) {
      return;
    }
    switch (language) {
      case "ko" -> korean.collect(text, weight, inTitle, tally);
      case "en" -> collectEnglish(text, weight, inTitle, tally);
      default -> collectWords(other, text, weight, inTitle, tally);
    }
  }

  private static void collectWords(Analyzer analyzer, String text, int weight, boolean inTitle, Tally tally) {
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (!isWord(term, type)) {
          continue;
        }
        String surface = term.toString();
        tally.add(surface.toLowerCase(Locale.ROOT), surface, weight, inTitle);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private void collectEnglish(String text, int weight, boolean inTitle, Tally tally) {
    boolean shouting = NameEvidence.shouting(text);
    try (TokenStream stream = english.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (!isWord(term, type)) {
          continue;
        }
        String surface = term.toString();
        tally.add(surface.toLowerCase(Locale.ROOT), surface, weight, inTitle,
            NameEvidence.of(term, text, offset.startOffset(), inTitle, shouting));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private static boolean isWord(CharTermAttribute term, TypeAttribute type) {
    return term.length() >= 2 && !NUMBER_TYPE.equals(type.type())
        && Character.codePointCount(term, 0, term.length()) >= 2;
  }

  private static String nfkc(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  @Override
  public void close() {
    korean.close();
    english.close();
    other.close();
  }
}
