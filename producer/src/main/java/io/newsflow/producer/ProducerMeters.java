package io.newsflow.producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run's counts per source, for Prometheus: articles read, sent, skipped (sent before) and failed, send errors,
 * and when each source was last read through. A source is an input as given (a directory or file by its absolute
 * path, a feed by its URL, {@code stdin}), never a file inside a directory, so the series stay as few as the
 * inputs. A source's counters all appear, at zero, the first time it is read: an alert's {@code rate()} then sees
 * the first failure, which it would miss on a series that starts at 1.
 */
public final class ProducerMeters {

  /** Every name starts so; on /metrics as newsflow_producer_articles_sent_total and the like. */
  private static final String PREFIX = "newsflow.producer.";

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, SourceMeters> sources = new ConcurrentHashMap<>();

  private ProducerMeters(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Meters in {@code registry}, which the caller serves. */
  public static ProducerMeters in(MeterRegistry registry) {
    return new ProducerMeters(registry, Clock.systemUTC());
  }

  /** Meters nobody reads: for runs without {@code --http-port}. */
  static ProducerMeters unread() {
    return in(new SimpleMeterRegistry());
  }

  void read(String source) {
    of(source).read.increment();
  }

  void sent(String source) {
    of(source).sent.increment();
  }

  void skipped(String source) {
    of(source).skipped.increment();
  }

  /** An article or a whole read (a file, a poll) of {@code source} that did not make it to the cluster. */
  void failed(String source) {
    of(source).failed.increment();
  }

  void sendError(String source, boolean retriable) {
    SourceMeters meters = of(source);
    (retriable ? meters.retriableSendErrors : meters.finalSendErrors).increment();
  }

  /** {@code source} was read through (a scan of a directory, a poll of a feed) and what it held is committed. */
  void succeeded(String source) {
    of(source).lastSuccessSeconds.set(clock.millis() / 1000);
  }

  private SourceMeters of(String source) {
    return sources.computeIfAbsent(source, this::register);
  }

  private SourceMeters register(String source) {
    AtomicLong lastSuccess = new AtomicLong();
    // NaN until the first success: 0 would read as "stale since 1970" to a staleness alert.
    Gauge.builder(PREFIX + "last.success.timestamp", lastSuccess, at -> at.get() == 0 ? Double.NaN : at.get())
        .description("When the source was last read through and its articles committed, seconds since the epoch")
        .baseUnit("seconds").tag("source", source).register(registry);
    return new SourceMeters(
        counter("articles.read", "Articles read from a source", source),
        counter("articles.sent", "Articles the cluster acknowledged", source),
        counter("articles.skipped", "Articles not sent because this version was sent before", source),
        counter("articles.failed", "Articles or reads of a source that failed (unreadable, too large, send failed)",
            source),
        sendErrors(source, true), sendErrors(source, false), lastSuccess);
  }

  private Counter sendErrors(String source, boolean retriable) {
    return Counter.builder(PREFIX + "send.errors").description("Sends the Kafka producer reported failed")
        .tag("source", source).tag("retriable", String.valueOf(retriable)).register(registry);
  }

  private Counter counter(String name, String description, String source) {
    return Counter.builder(PREFIX + name).description(description).tag("source", source).register(registry);
  }

  private record SourceMeters(Counter read, Counter sent, Counter skipped, Counter failed, Counter retriableSendErrors,
      Counter finalSendErrors, AtomicLong lastSuccessSeconds) {
  }
}
