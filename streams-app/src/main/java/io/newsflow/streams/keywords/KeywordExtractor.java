package io.newsflow.streams.keywords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Extracts the ranked keywords of an article, by language: Korean nouns with Nori and the user dictionary
 * ({@link KoreanKeywords}), English words and names ({@link EnglishKeywords}), Chinese words with smartcn
 * ({@link ChineseKeywords}), Japanese nouns with kuromoji ({@link JapaneseKeywords}), other languages as
 * lower-cased words. Text is NFKC-normalized first, which folds full-width forms (ＧＰＴ－４ is GPT-4).
 *
 * <p>NOT thread-safe: one instance per stream thread. The Lucene analyzers are built once per extractor,
 * because building them is the most expensive step of the pipeline; never create one per record. Korean and
 * English are built in the constructor, Chinese and Japanese on the first article in those languages, so a feed
 * without them never loads their dictionaries. Usable offline (no Kafka). Close it to release the analyzers.
 */
public final class KeywordExtractor implements AutoCloseable {

  /** A word in the title says more about the article than one in the body. */
  public static final int TITLE_WEIGHT = 2;

  /**
   * An English name (OpenAI, GPT, Nvidia) outranks a common word of up to three times its count: names are
   * what trend lists are read for, and without a POS model common verbs and adjectives are hard to tell apart.
   */
  public static final int NAME_WEIGHT = 3;

  /**
   * A Korean common noun that Nori knows and that stands alone in its word (국내, 운영, 발생, 멤버) weighs this
   * much against a name, a compound or a word Nori did not know: those are what an editor keeps.
   */
  public static final double COMMON_NOUN_WEIGHT = 0.3;

  private static final String FIELD = "body";
  private static final String NUMBER_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

  private final KeywordConfig config;
  private final CharArraySet englishStop = StopWords.englishWithNewsWords();
  private final KoreanKeywords korean;
  private final EnglishKeywords english;
  private final Analyzer other;
  // Looked up once per extractor, not per article: the shipped models are shared and immutable.
  private final DocumentFrequencies koreanBackground = DocumentFrequencies.shipped("ko");
  private final DocumentFrequencies englishBackground = DocumentFrequencies.shipped("en");
  private boolean lastWasKorean;
  private ChineseKeywords chinese;
  private JapaneseKeywords japanese;

  /** With the shipped user dictionary. */
  public KeywordExtractor() {
    this(KeywordConfig.defaults());
  }

  public KeywordExtractor(KeywordConfig config) {
    this.config = config;
    this.korean = new KoreanKeywords(config.userDictionary(), StopWords.korean(), englishStop);
    this.english = new EnglishKeywords(englishStop);
    // Languages without an analyzer of their own: words, lower-cased, less the English stop words. Short or
    // tabular English text (an earnings brief: "Shr 41 cts vs 32 cts") is often detected as another language or
    // none, and English words are the foreign words any Latin-script text has most.
    this.other = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
      }
    };
  }

  /** The configuration this extractor was built with. */
  public KeywordConfig config() {
    return config;
  }

  /**
   * All keywords of the article, ranked by score, then by first occurrence (title first). The score is the
   * count (title occurrences count {@link #TITLE_WEIGHT} times, the lead's a little more), times
   * {@link #NAME_WEIGHT} for an English name or {@link #COMMON_NOUN_WEIGHT} for a Korean common noun, times the
   * word's inverse document frequency in the background model ({@link DocumentFrequencies}). A keyword's display form is its most frequent form in the body (ties: the earlier), the title's form
   * only when the body lacks the word; an English name shows its name form (OpenAI, never openai). English
   * words written only in lower case and only once are left out. {@code language} is an ISO 639-1 code:
   * "ko", "en", "zh", "ja", anything else.
   */
  public List<Keyword> extract(String title, String body, String language) {
    return extract(title, body, language, LearnedModel.NONE);
  }

  /**
   * As {@link #extract(String, String, String)}, with what the app learned from its stream: each keyword's score
   * also multiplied by {@link LearnedModel#weight}, and the model's Korean nouns kept whole.
   */
  public List<Keyword> extract(String title, String body, String language, LearnedModel model) {
    String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
    lastWasKorean = lang.equals("ko");
    Tally tally = new Tally();
    String titleText = nfkc(title);
    String bodyText = nfkc(body);
    if (lang.equals("en")) {
      english.collect(titleText, bodyText, TITLE_WEIGHT, tally);
    } else if (lang.equals("ko")) {
      String unlabelled = KoreanQuotedNames.withoutLabels(titleText);
      List<String> quoted = KoreanQuotedNames.find(unlabelled, bodyText, korean::commonNounsOnly);
      String koreanTitle = KoreanQuotedNames.blank(unlabelled, quoted);
      String koreanBody = KoreanQuotedNames.blank(bodyText, quoted);
      korean.readArticle(koreanTitle, koreanBody, model);
      collect(koreanTitle, TITLE_WEIGHT, true, lang, tally);
      collect(koreanBody, 1, false, lang, tally);
      KoreanQuotedNames.collect(quoted, unlabelled, bodyText, TITLE_WEIGHT, tally);
    } else {
      collect(titleText, TITLE_WEIGHT, true, lang, tally);
      collect(bodyText, 1, false, lang, tally);
    }
    java.util.function.ToDoubleFunction<String> idf = lang.equals("ko") ? koreanBackground::idf
        : lang.equals("en") ? this::englishIdf : englishBackground::idf;
    return model == LearnedModel.NONE ? tally.ranked(idf)
        : tally.ranked(key -> idf.applyAsDouble(key) * model.weight(key));
  }

  private double englishIdf(String key) {
    CommonPhrases phrases = english.phrases();
    return phrases.isPhrase(key) ? CommonPhrases.idf(key, englishBackground) : englishBackground.idf(key);
  }

  /**
   * The whole Korean nouns the last article extracted wrote before a particle where Nori read less (empty for
   * other languages): the evidence the keyword model learns new nouns from.
   */
  public Set<String> nounEvidence() {
    return lastWasKorean ? korean.nounEvidence() : Set.of();
  }

  /**
   * The pairs of a keyword and the next word's noun the last article wrote (empty for other languages): the
   * evidence the keyword model learns names written with a space from.
   */
  public Set<String> pairEvidence() {
    return lastWasKorean ? korean.pairEvidence() : Set.of();
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
      case "zh" -> chinese().collect(text, weight, inTitle, tally);
      case "ja" -> japanese().collect(text, weight, inTitle, tally);
      default -> collectWords(text, weight, inTitle, tally);
    }
  }

  private ChineseKeywords chinese() {
    if (chinese == null) {
      chinese = new ChineseKeywords(StopWords.chinese(), englishStop);
    }
    return chinese;
  }

  private JapaneseKeywords japanese() {
    if (japanese == null) {
      japanese = new JapaneseKeywords(StopWords.japanese(), englishStop);
    }
    return japanese;
  }

  private void collectWords(String text, int weight, boolean inTitle, Tally tally) {
    try (TokenStream stream = other.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String surface = term.toString();
        if (EnglishKeywords.isWord(surface, NUMBER_TYPE.equals(type.type())) && !englishStop.contains(surface)) {
          tally.add(surface.toLowerCase(Locale.ROOT), surface, weight, inTitle);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  /** Where keyword-candidates listens: the Korean words Nori did not know. */
  void reportKoreanCandidatesTo(KoreanKeywords.CandidateSink sink) {
    korean.reportCandidatesTo(sink);
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
    if (chinese != null) {
      chinese.close();
    }
    if (japanese != null) {
      japanese.close();
    }
  }
}
