package io.newsflow.streams.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date-time forms Korean portals print ("2025.02.24 17:04", "2025.02.24. 오후 5:04", "2018.09.29 오전 10:05",
 * "2025-02-24 17:04", "2025-02-24T17:04:09") as Seoul wall-clock time, or in another zone when told.
 */
public final class PortalDates {

  /** Portals print local Seoul time without an offset. */
  public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  /** One date-time; the groups are year, month, day, 오전/오후 marker, hour, minute, second. */
  static final String DATE_TIME = "(\\d{4})\\s*[.\\-/]\\s*(\\d{1,2})\\s*[.\\-/]\\s*(\\d{1,2})\\.?"
      + "(?:T|\\s*)(오전|오후|AM|PM|am|pm)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?";

  private static final Pattern WHOLE = Pattern.compile("\\s*" + DATE_TIME + "\\s*");

  private PortalDates() {
  }

  /** The instant of a string that is exactly one date-time, or empty when it is not one or not a real date. */
  public static Optional<Instant> parse(String text) {
    return parse(text, SEOUL);
  }

  /** As {@link #parse(String)}, reading the wall-clock time in {@code zone}. */
  public static Optional<Instant> parse(String text, ZoneId zone) {
    Matcher m = WHOLE.matcher(text);
    return m.matches() ? toInstant(m, 1, zone) : Optional.empty();
  }

  /** Converts the seven groups starting at {@code first} of a {@link #DATE_TIME} match, as Seoul time. */
  static Optional<Instant> toInstant(Matcher m, int first) {
    return toInstant(m, first, SEOUL);
  }

  private static Optional<Instant> toInstant(Matcher m, int first, ZoneId zone) {
    int hour = Integer.parseInt(m.group(first + 4));
    String marker = m.group(first + 3);
    if (marker != null) {
      boolean afternoon = marker.equals("오후") || marker.equalsIgnoreCase("PM");
      // 12-hour clock: 오전 12:30 is 00:30, 오후 12:30 is 12:30, 오후 5:04 is 17:04.
      hour = hour % 12 + (afternoon ? 12 : 0);
    }
    String seconds = m.group(first + 6);
    try {
      LocalDateTime local = LocalDateTime.of(
          Integer.parseInt(m.group(first)),
          Integer.parseInt(m.group(first + 1)),
          Integer.parseInt(m.group(first + 2)),
          hour,
          Integer.parseInt(m.group(first + 5)),
          seconds == null ? 0 : Integer.parseInt(seconds));
      return Optional.of(local.atZone(zone).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
