package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.publish.RecordSink;
import io.newsflow.producer.publish.SendResult;
import io.newsflow.producer.source.SourceAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A sink for tests that acknowledges every record except those whose ids it is told to fail. */
final class CollectingSink implements RecordSink {

  final List<RawArticle> sent = new CopyOnWriteArrayList<>();
  private final Set<String> failRetriably = ConcurrentHashMap.newKeySet();

  CollectingSink failingRetriably(String... ids) {
    failRetriably.addAll(List.of(ids));
    return this;
  }

  List<String> ids() {
    return sent.stream().map(RawArticle::getId).toList();
  }

  @Override
  public void send(RawArticle article, Consumer<SendResult> done) {
    if (failRetriably.contains(article.getId())) {
      done.accept(new SendResult(SendResult.Outcome.RETRIABLE,
          new Failure(SourceAttributes.origin(article), "send failed: TimeoutException: test")));
      return;
    }
    sent.add(article);
    done.accept(SendResult.ACKED);
  }

  @Override
  public String name() {
    return "test sink";
  }

  @Override
  public void flush() {
    // Every send is done at once.
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
