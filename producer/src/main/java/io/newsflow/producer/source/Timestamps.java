package io.newsflow.producer.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the times news sources write: ISO-8601 with an offset or zone, RFC 1123 (RSS feeds) and epoch
 * millis. A time without an offset is refused: guessing the zone would shift trends by hours.
 */
final class Timestamps {

  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");

  private Timestamps() {}

  static Optional<Instant> parse(String text) {
    String value = text.strip();
    if (EPOCH_MILLIS.matcher(value).matches()) {
      try {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    for (DateTimeFormatter format : new DateTimeFormatter[] {
        DateTimeFormatter.ISO_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME}) {
      try {
        return Optional.of(Instant.from(format.parse(value)));
      } catch (DateTimeException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }
}
