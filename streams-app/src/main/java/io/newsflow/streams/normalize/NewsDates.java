package io.newsflow.streams.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the date-times news sources write: ISO-8601 instants, offset and zoned date-times; RFC 822/1123
 * as in RSS ("Sat, 20 Mar 2021 14:20:00 +0900", also with "KST"); and wall-clock forms without a zone
 * (ISO local date-times, the portal forms of {@link PortalDates}), which are read in the zone the caller
 * knows the source to be in: Asia/Seoul for Korean sources.
 */
public final class NewsDates {

  /** RFC 822 zone names the JDK's RFC 1123 parser does not know, with their offsets. */
  private static final Pattern KST = Pattern.compile("\\s+KST$");

  private NewsDates() {
  }

  /** The instant of {@code text}, or empty when it is none of the forms above or not a real date. */
  public static Optional<Instant> parse(String text, ZoneId wallClockZone) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeException notInstant) {
      // next form
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeException notOffset) {
      // next form
    }
    try {
      return Optional.of(ZonedDateTime.parse(value).toInstant());
    } catch (DateTimeException notZoned) {
      // next form
    }
    try {
      String rfc = KST.matcher(value).replaceFirst(" +0900");
      return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(rfc)));
    } catch (DateTimeException notRfc) {
      // next form
    }
    return PortalDates.parse(value, wallClockZone);
  }
}
