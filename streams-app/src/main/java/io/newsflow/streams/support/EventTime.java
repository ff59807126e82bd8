package io.newsflow.streams.support;

import io.newsflow.avro.Article;
import io.newsflow.streams.normalize.NormalizationException;
import java.time.Duration;
import java.time.Instant;

/**
 * An article's event time: when it was published, else when it was fetched. A publication time further in
 * the future than a small allowance is a parse or source error; it would also be refused by the broker
 * (log.message.timestamp.after.max.ms), so such articles fall back to their fetch time.
 */
public final class EventTime {

  static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(15);

  private EventTime() {}

  public static long of(Article article, long nowMillis) {
    Instant published = article.getPublishedAt();
    if (published != null && published.toEpochMilli() <= nowMillis + FUTURE_ALLOWANCE.toMillis()) {
      return published.toEpochMilli();
    }
    return article.getFetchedAt().toEpochMilli();
  }

  /** A fetch time further ahead than this is not a clock's skew but a broken or hostile producer. */
  static final Duration FETCHED_FUTURE_LIMIT = Duration.ofDays(365);

  /**
   * The event time, refused when no record should carry it: before 1970 (a Kafka timestamp cannot be negative;
   * a foreign producer's year 1) or, with no usable publication time, a fetch time more than a year ahead
   * (year 9999). A fetch time a little ahead is a producer's clock, and is kept.
   */
  public static long checked(Article article, long nowMillis) {
    long time = of(article, nowMillis);
    if (time < 0 || time > nowMillis + FETCHED_FUTURE_LIMIT.toMillis()) {
      throw new NormalizationException(NormalizationException.Reason.BAD_EVENT_TIME, "event time "
          + Instant.ofEpochMilli(time) + " (publishedAt " + article.getPublishedAt() + ", fetchedAt "
          + article.getFetchedAt() + ") is " + (time < 0 ? "before 1970: Kafka timestamps cannot be negative"
          : "more than " + FETCHED_FUTURE_LIMIT.toDays() + " days in the future"));
    }
    return time;
  }
}
