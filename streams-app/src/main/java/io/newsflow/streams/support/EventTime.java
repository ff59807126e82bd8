package io.newsflow.streams.support;

import io.newsflow.avro.Article;
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
}
