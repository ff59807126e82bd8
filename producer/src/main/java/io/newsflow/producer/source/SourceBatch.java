package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import java.util.List;

/**
 * Everything one read of the inputs produced, in reading order: for tests and dry runs, where holding
 * the articles in memory is fine.
 *
 * @param filesRead files found and opened, including those that then failed
 * @param articles the articles read
 * @param failures what could not be read, with why
 */
public record SourceBatch(int filesRead, List<RawArticle> articles, List<Failure> failures) {

  public SourceBatch {
    articles = List.copyOf(articles);
    failures = List.copyOf(failures);
  }
}
