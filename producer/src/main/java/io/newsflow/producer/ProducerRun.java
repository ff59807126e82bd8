package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.publish.ArticlePublisher;
import io.newsflow.producer.publish.PublishException;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.producer.source.SourceBatch;
import io.newsflow.producer.source.SourceListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One producer run: reads the inputs, sends every article to the raw topic, waits for the cluster's
 * answers and returns the summary. A dry run reads and returns the records without connecting anywhere.
 */
public final class ProducerRun {

  private static final Logger LOG = LoggerFactory.getLogger(ProducerRun.class);

  private final Supplier<ArticlePublisher> publishers;
  private final Clock clock;
  private final String host;

  private ProducerRun(Supplier<ArticlePublisher> publishers, Clock clock, String host) {
    this.publishers = publishers;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.host = Objects.requireNonNull(host, "host");
  }

  /** A run that sends to the cluster {@code config} names. */
  public static ProducerRun sending(ProducerConfig config) {
    Objects.requireNonNull(config, "config");
    return new ProducerRun(() -> new ArticlePublisher(config), Clock.systemUTC(), ArticleSource.localHostName());
  }

  /** A run that reads and parses only; {@link ProducerSummary#records()} holds what it would send. */
  public static ProducerRun dryRun() {
    return new ProducerRun(null, Clock.systemUTC(), ArticleSource.localHostName());
  }

  /** The same run with another clock (for fetchedAt) and host name (for producer.host). */
  public ProducerRun withClockAndHost(Clock newClock, String newHost) {
    return new ProducerRun(publishers, newClock, newHost);
  }

  public boolean isDryRun() {
    return publishers == null;
  }

  /**
   * Reads {@code inputs} (files and directories) and sends what they hold; see {@link ArticleSource}.
   * Returns once every record sent is acknowledged or failed and the producer is closed.
   *
   * @throws org.apache.kafka.common.KafkaException when the producer cannot be created from the config
   */
  public ProducerSummary run(List<Path> inputs) {
    ArticleSource source = new ArticleSource(inputs, clock, host);
    ProducerSummary summary = isDryRun() ? parseOnly(source) : send(source);
    LOG.info("event=producer_done dry_run={} files={} records_read={} records_sent={} failures={}",
        summary.dryRun(), summary.filesRead(), summary.recordsRead(), summary.recordsSent(),
        summary.failures().size());
    return summary;
  }

  private static ProducerSummary parseOnly(ArticleSource source) {
    SourceBatch batch = source.readAll();
    batch.failures().forEach(ProducerRun::logReadFailure);
    return new ProducerSummary(batch.filesRead(), batch.articles().size(), 0, batch.failures(), true,
        batch.articles());
  }

  private ProducerSummary send(ArticleSource source) {
    List<Failure> failures = new ArrayList<>();
    AtomicLong read = new AtomicLong();
    AtomicInteger files = new AtomicInteger();
    Failure stopped = null;
    ArticlePublisher publisher = publishers.get();
    try (publisher) {
      source.read(new SourceListener() {
        @Override
        public void onFile(Path file) {
          files.incrementAndGet();
        }

        @Override
        public void onArticle(RawArticle article) {
          read.incrementAndGet();
          publisher.publish(article);
        }

        @Override
        public void onFailure(Failure failure) {
          logReadFailure(failure);
          failures.add(failure);
        }
      });
    } catch (PublishException e) {
      stopped = new Failure("topic " + publisher.topic(),
          "run stopped, remaining inputs not read: " + e.getMessage());
      LOG.error("event=producer_stopped topic={} reason=\"{}\"", publisher.topic(), e.getMessage());
    }
    // After close every callback has run, so the publisher's counts are final.
    List<Failure> all = new ArrayList<>(failures);
    all.addAll(publisher.failures());
    if (stopped != null) {
      all.add(stopped);
    }
    return new ProducerSummary(files.get(), read.get(), publisher.sent(), all, false, List.of());
  }

  private static void logReadFailure(Failure failure) {
    LOG.warn("event=read_failed origin=\"{}\" reason=\"{}\"", failure.origin(), failure.reason());
  }
}
