package io.newsflow.producer.publish;

import io.newsflow.avro.RawArticle;
import java.util.function.Consumer;

/** Where the producer's records go: the cluster ({@link ArticlePublisher}) or, in a dry run, a printer. */
public interface RecordSink extends AutoCloseable {

  /**
   * Sends one record without waiting; {@code done} is called once with how it ended, at the latest when
   * {@link #flush()} returns.
   *
   * @throws PublishException when no further record can be sent (cluster unreachable, not authorized)
   */
  void send(RawArticle article, Consumer<SendResult> done);

  /** Where records go, as failures name it, e.g. {@code topic news.raw}. */
  String name();

  /** Waits until every record sent so far has its result. */
  void flush();

  @Override
  void close();
}
