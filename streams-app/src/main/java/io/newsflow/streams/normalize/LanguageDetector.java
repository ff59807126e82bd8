package io.newsflow.streams.normalize;

import java.util.Locale;
import java.util.Set;

/**
 * Tells the language of an article as an ISO 639-1 code, or "und".
 *
 * <p>Two paths. The fast one, one pass over the text and no model: Hangul, Kana and Han are told apart by
 * script (Hangul is Korean; Kana means Japanese; Han without Kana means Chinese), and Latin text where English
 * function words are frequent is English. That covers most of newsflow's input at no cost next to Nori. Any
 * other text with enough letters (German, French, Spanish, Russian ...) goes to an n-gram model
 * ({@link ModelLanguages}, Apache Tika's OpenNLP detector), which answers "und" when it is not clearly sure.
 */
public final class LanguageDetector {

  public static final String KOREAN = "ko";
  public static final String ENGLISH = "en";
  public static final String JAPANESE = "ja";
  public static final String CHINESE = "zh";
  public static final String UNDETERMINED = "und";

  /** Korean news carries many Latin acronyms (AI, CEO) and some Hanja; Hangul need only be a solid share. */
  private static final double HANGUL_SHARE = 0.3;
  private static final double CJK_SHARE = 0.3;
  /** Japanese prose is about half Kana; Chinese has none, so a little Kana decides. */
  private static final double KANA_SHARE_OF_CJK = 0.1;
  private static final double LATIN_SHARE = 0.5;
  /** Function words are 40-50% of English running text; other Latin languages hit this short list rarely. */
  private static final double ENGLISH_FUNCTION_SHARE = 0.15;
  private static final int ENGLISH_MIN_WORDS = 3;
  /** Below this many letters (a headline of acronyms, a date) no model guesses well. */
  private static final int MODEL_MIN_LETTERS = 20;

  private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of(
      "the", "of", "and", "to", "is", "that", "for", "with", "was", "by", "it", "at", "from", "are",
      "be", "this", "has", "have", "which", "will", "were", "its", "their", "or", "not", "but", "said",
      "he", "she", "they", "been", "would", "who", "after", "than", "into", "about", "had", "his", "her",
      "we", "our", "you", "can", "could", "more", "also", "on", "in", "an", "as");

  private LanguageDetector() {
  }

  /** The ISO 639-1 code of the text's language, or "und". */
  public static String detect(CharSequence text) {
    int hangul = 0;
    int han = 0;
    int kana = 0;
    int latin = 0;
    int letters = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.isDigit(cp)) {
        digits++;
      }
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      switch (Character.UnicodeScript.of(cp)) {
        case HANGUL -> hangul++;
        case HAN -> han++;
        case HIRAGANA, KATAKANA -> kana++;
        case LATIN -> latin++;
        default -> {
          // Cyrillic, Arabic, Thai ...: counted only in the total, which pulls every share down.
        }
      }
    }
    if (letters == 0) {
      return UNDETERMINED;
    }
    if (hangul >= HANGUL_SHARE * letters) {
      return KOREAN;
    }
    int cjk = han + kana;
    if (cjk >= CJK_SHARE * letters) {
      return kana >= KANA_SHARE_OF_CJK * cjk ? JAPANESE : CHINESE;
    }
    if (latin >= LATIN_SHARE * letters && looksEnglish(text)) {
      return ENGLISH;
    }
    // Tables of figures ("MAY7 284 3/4 UP 1 1/4") are no language; a model would still name one.
    return letters >= MODEL_MIN_LETTERS && letters >= digits ? ModelLanguages.detect(text) : UNDETERMINED;
  }

  private static boolean looksEnglish(CharSequence text) {
    int words = 0;
    int function = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c < 128 && Character.isLetter(c)) {
        word.append(c);
      } else if (word.length() > 0) {
        words++;
        if (ENGLISH_FUNCTION_WORDS.contains(word.toString().toLowerCase(Locale.ROOT))) {
          function++;
        }
        word.setLength(0);
      }
    }
    return words >= ENGLISH_MIN_WORDS && function >= ENGLISH_FUNCTION_SHARE * words;
  }
}
