package io.newsflow.streams.normalize;

/**
 * Thrown when a raw article cannot become an {@code Article}; the topology routes it to the dead-letter topic
 * with {@link #reason()} as the reason. Unchecked so that it can cross Kafka Streams value mappers.
 */
public final class NormalizationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why normalization gave up; stable names fit for the dead-letter record and for metrics. */
  public enum Reason {
    MISSING_TITLE,
    EMPTY_BODY,
    UNSUPPORTED_CONTENT_TYPE,
    NOT_PORTAL_LAYOUT,
    /** No usable event time: before 1970 (Kafka timestamps cannot be negative) or in the future. */
    BAD_EVENT_TIME
  }

  private final Reason reason;

  public NormalizationException(Reason reason, String detail) {
    super(reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
