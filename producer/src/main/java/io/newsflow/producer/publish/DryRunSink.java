package io.newsflow.producer.publish;

import io.newsflow.avro.RawArticle;
import java.util.Objects;
import java.util.function.Consumer;

/** A dry run's sink: hands each record to a consumer (a printer, a list) and calls it sent. */
public final class DryRunSink implements RecordSink {

  private final Consumer<RawArticle> output;

  public DryRunSink(Consumer<RawArticle> output) {
    this.output = Objects.requireNonNull(output, "output");
  }

  @Override
  public void send(RawArticle article, Consumer<SendResult> done) {
    output.accept(article);
    done.accept(SendResult.ACKED);
  }

  @Override
  public String name() {
    return "dry run";
  }

  @Override
  public void flush() {
    // Nothing is in flight.
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
