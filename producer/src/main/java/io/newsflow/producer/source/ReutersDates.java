package io.newsflow.producer.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code <DATE>} of a Reuters-21578 document, {@code 19-OCT-1987 09:15:32.11}, as UTC: the
 * collection gives no zone, and UTC keeps a document's day the one its date names.
 *
 * <p>Lenient, since the collection was typed and converted by hand: a one-digit day, spaces around and
 * between the parts, one to three digits of fraction, and anything after the time (control characters, a
 * {@code # guesswork} comment) are accepted. A date that still does not name a real time (the 3-digit hour
 * of {@code 31-MAR-1987 605:12:19.12}, whose day also disagrees with its neighbours) is empty rather than
 * guessed: the document is then reported, not sent ({@link ReutersArticles}).
 */
final class ReutersDates {

  private static final Pattern DATE = Pattern.compile(
      "\\s*(\\d{1,2})-([A-Za-z]{3})-(\\d{4})\\s+(\\d{1,3}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,3}))?");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private ReutersDates() {}

  static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher date = DATE.matcher(text);
    if (!date.lookingAt()) {
      return Optional.empty();
    }
    int month = MONTHS.indexOf(date.group(2).toLowerCase(Locale.ROOT)) + 1;
    if (month == 0) {
      return Optional.empty();
    }
    String fraction = date.group(7) == null ? "0" : date.group(7);
    int nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
    try {
      return Optional.of(LocalDateTime.of(Integer.parseInt(date.group(3)), month, Integer.parseInt(date.group(1)),
          Integer.parseInt(date.group(4)), Integer.parseInt(date.group(5)), Integer.parseInt(date.group(6)), nanos)
          .toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
