package io.newsflow.streams.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The stop-word lists of keyword extraction, read once from the resource files next to this class
 * ({@code stopwords-ko.txt}, {@code stopwords-en.txt}, {@code stopwords-zh.txt}, {@code stopwords-ja.txt}, and
 * {@code name-prefixes-en.txt}, {@code name-nationalities-en.txt}, {@code name-suffixes-en.txt} and
 * {@code name-heads-en.txt} for English name phrases); the sets are unmodifiable and safe to share.
 */
final class StopWords {

  private static final CharArraySet KOREAN = CharArraySet.unmodifiableSet(load("stopwords-ko.txt"));
  private static final CharArraySet ENGLISH = english();
  private static final CharArraySet NATIONALITIES = CharArraySet.unmodifiableSet(load("name-nationalities-en.txt"));
  private static final CharArraySet NAME_PREFIXES = namePrefixes();
  private static final CharArraySet NAME_SUFFIXES = CharArraySet.unmodifiableSet(load("name-suffixes-en.txt"));
  private static final CharArraySet KOREAN_TITLES = CharArraySet.unmodifiableSet(load("titles-ko.txt"));
  private static final CharArraySet ORGANISATION_HEADS = CharArraySet.unmodifiableSet(load("name-heads-en.txt"));
  private static final CharArraySet CHINESE = CharArraySet.unmodifiableSet(load("stopwords-zh.txt"));
  private static final CharArraySet JAPANESE = CharArraySet.unmodifiableSet(load("stopwords-ja.txt"));

  private StopWords() {
  }

  /** Korean nouns with no topical meaning (등, 것, 이번, 가운데 ...), lower-cased keys. */
  static CharArraySet korean() {
    return KOREAN;
  }

  /**
   * Lucene's English stop set plus more function words, contractions, reporting verbs, time words and other
   * words with no topic (said, next, week, people, latest ...).
   */
  /** Korean titles and positions written after a person's name (대통령, 장관, 감독): see {@link SpacedCompounds}. */
  static CharArraySet koreanTitles() {
    return KOREAN_TITLES;
  }

  static CharArraySet englishWithNewsWords() {
    return ENGLISH;
  }

  /** Words before an English name that are no part of it: function words, titles (President), nationalities. */
  static CharArraySet englishNamePrefixes() {
    return NAME_PREFIXES;
  }

  /** The nationalities among the name prefixes (Chinese, German). */
  static CharArraySet englishNationalities() {
    return NATIONALITIES;
  }

  /** Company forms after an English name that are no part of its keyword (Inc, Corp, Ltd). */
  static CharArraySet englishNameSuffixes() {
    return NAME_SUFFIXES;
  }

  /** Nouns that end an English organisation's name (Commission, Ministry, Institute). */
  static CharArraySet englishOrganisationHeads() {
    return ORGANISATION_HEADS;
  }

  /** Chinese words with no topic, and the single characters that end a run of them (的, 了, 在 ...). */
  static CharArraySet chinese() {
    return CHINESE;
  }

  /** Japanese nouns with no topic (こと, 今回, 記者 ...). */
  static CharArraySet japanese() {
    return JAPANESE;
  }

  private static CharArraySet namePrefixes() {
    CharArraySet set = load("name-prefixes-en.txt");
    set.addAll(NATIONALITIES);
    return CharArraySet.unmodifiableSet(set);
  }

  private static CharArraySet english() {
    CharArraySet set = load("stopwords-en.txt");
    set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return CharArraySet.unmodifiableSet(set);
  }

  private static CharArraySet load(String resource) {
    CharArraySet set = new CharArraySet(256, true);
    try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("stop-word resource missing from the classpath: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int hash = line.indexOf('#');
        String word = (hash < 0 ? line : line.substring(0, hash)).strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty()) {
          set.add(word);
          // The tokenizer keeps "don’t" as written; NFKC does not turn the typographic apostrophe into '.
          set.add(word.replace('\'', '\u2019'));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stop words " + resource, e);
    }
    return set;
  }
}
