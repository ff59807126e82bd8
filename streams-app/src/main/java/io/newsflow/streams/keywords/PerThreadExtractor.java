package io.newsflow.streams.keywords;

/**
 * One KeywordExtractor per stream thread. Processors exist per task and a thread runs several tasks, while
 * the Lucene analyzers inside an extractor are the pipeline's most expensive objects to build; so they are
 * built once per thread, on first use, and never per record or per task. A thread asked for another
 * configuration than the one its extractor was built with (two apps with different user dictionaries in one
 * JVM, tests) builds a new one.
 */
public final class PerThreadExtractor {

  private static final ThreadLocal<KeywordExtractor> EXTRACTOR = new ThreadLocal<>();

  private PerThreadExtractor() {}

  /** This thread's extractor with the shipped user dictionary. */
  public static KeywordExtractor get() {
    return get(KeywordConfig.defaults());
  }

  /** This thread's extractor for {@code config}. */
  public static KeywordExtractor get(KeywordConfig config) {
    KeywordExtractor extractor = EXTRACTOR.get();
    if (extractor == null || extractor.config() != config) {
      if (extractor != null) {
        extractor.close();
      }
      extractor = new KeywordExtractor(config);
      EXTRACTOR.set(extractor);
    }
    return extractor;
  }
}
