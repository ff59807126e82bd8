package io.newsflow.streams.keywords;

/**
 * One KeywordExtractor per stream thread. Processors exist per task and a thread runs several tasks, while
 * the Lucene analyzers inside an extractor are the pipeline's most expensive objects to build; so they are
 * built once per thread, on first use, and never per record or per task.
 */
public final class PerThreadExtractor {

  private static final ThreadLocal<KeywordExtractor> EXTRACTOR = ThreadLocal.withInitial(KeywordExtractor::new);

  private PerThreadExtractor() {}

  public static KeywordExtractor get() {
    return EXTRACTOR.get();
  }
}
