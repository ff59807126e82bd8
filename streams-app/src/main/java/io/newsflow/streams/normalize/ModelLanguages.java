package io.newsflow.streams.normalize;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Tells apart the languages that script alone cannot (English from German, Spanish, Indonesian ...) with
 * Apache Tika's OpenNLP detector: a character n-gram model of 148 languages bundled in Tika's jar.
 *
 * <p>Cost: the model takes about 80 MB of heap and 1-2 s to load, once per JVM and only when the first text
 * needs it; a detection reads at most {@link #MAX_CHARS} characters and costs a fraction of a millisecond. The
 * detector is not thread-safe, so each thread gets its own; they share the model.
 */
final class ModelLanguages {

  /** Enough for a confident guess on news prose; more only costs time. */
  static final int MAX_CHARS = 300;
  /** The best language must beat the second by this factor, or the text is undetermined. */
  static final double MIN_MARGIN = 1.05;

  private static final ThreadLocal<OpenNLPDetector> DETECTOR = ThreadLocal.withInitial(() -> {
    OpenNLPDetector detector = new OpenNLPDetector();
    detector.setMaxLength(MAX_CHARS);
    return detector;
  });

  /** ISO 639-3 (and the model's own variants) to ISO 639-1. */
  private static final Map<String, String> TWO_LETTER = twoLetterCodes();

  private ModelLanguages() {
  }

  /** The ISO 639-1 code of the text's language, or "und" when the model is not clearly sure. */
  static String detect(CharSequence text) {
    OpenNLPDetector detector = DETECTOR.get();
    detector.reset();
    detector.addText(text);
    List<LanguageResult> results = detector.detectAll();
    if (results.isEmpty()) {
      return LanguageDetector.UNDETERMINED;
    }
    LanguageResult best = results.get(0);
    float second = results.size() > 1 ? results.get(1).getRawScore() : 0f;
    if (best.getRawScore() < MIN_MARGIN * second) {
      return LanguageDetector.UNDETERMINED;
    }
    return TWO_LETTER.getOrDefault(best.getLanguage(), LanguageDetector.UNDETERMINED);
  }

  private static Map<String, String> twoLetterCodes() {
    Map<String, String> codes = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      codes.put(new Locale(two).getISO3Language(), two);
    }
    // The model's individual languages and script variants of a macrolanguage with a two-letter code.
    codes.putAll(Map.of("cmn", "zh", "zho-simp", "zh", "zho-trad", "zh", "pes", "fa", "lvs", "lv", "ekk", "et",
        "gug", "gn", "quz", "qu", "nob", "nb", "nno", "nn"));
    return Map.copyOf(codes);
  }
}
