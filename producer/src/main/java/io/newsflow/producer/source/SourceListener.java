package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import java.nio.file.Path;

/**
 * Receives what an {@link ArticleSource} reads, one item at a time, so a caller can send each article as
 * soon as it is read instead of holding a whole directory in memory.
 */
public interface SourceListener {

  /** Called before a file is read, so a caller can count files even if a run stops part-way. */
  default void onFile(Path file) {}

  void onArticle(RawArticle article);

  void onFailure(Failure failure);
}
