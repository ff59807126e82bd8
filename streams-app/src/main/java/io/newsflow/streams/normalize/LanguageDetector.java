package io.newsflow.streams.normalize;

import java.util.Locale;
import java.util.Set;

/**
 * Tells the language of an article from the Unicode scripts of its letters: "ko", "ja", "zh", "en" or "und".
 *
 * <p>Why no library: the languages the keyword analyzers distinguish today are told apart exactly by script
 * (Hangul is Korean; Kana means Japanese; Han without Kana means Chinese), which costs one pass over the text
 * and no model. Telling Latin-script languages apart (English from German, French ...) needs n-gram models;
 * a library for that comes in a later issue, until then Latin text is "en" only when English function words
 * are frequent, otherwise "und".
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
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
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
    return UNDETERMINED;
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
