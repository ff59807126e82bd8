package io.newsflow.streams.api;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and checks request parameters; anything malformed is a 400 whose message names the parameter. */
final class QueryParams {

  private QueryParams() {}

  /** {@code window} as an ISO-8601 duration among the computed sizes; absent means the first size. */
  static Duration window(Context ctx, List<Duration> windows) {
    return parseWindow(ctx.queryParam("window"), windows);
  }

  static Duration parseWindow(String value, List<Duration> windows) {
    if (value == null || value.isBlank()) {
      return windows.get(0);
    }
    Duration window;
    try {
      window = Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("window=" + value + " is not an ISO-8601 duration such as PT1H");
    }
    if (!windows.contains(window)) {
      throw ApiException.badRequest("window=" + value + " is not computed; available: "
          + windows.stream().map(Duration::toString).collect(Collectors.joining(", ")));
    }
    return window;
  }

  /** An optional ISO-8601 instant such as 2025-02-24T08:00:00Z. */
  static Instant instant(Context ctx, String name) {
    return parseInstant(name, ctx.queryParam(name));
  }

  static Instant parseInstant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + "=" + value + " is not an ISO-8601 instant such as 2025-02-24T08:00:00Z");
    }
  }

  /** {@code from} and {@code to} together: from must not be after to. */
  static void checkOrder(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badRequest("from=" + from + " is after to=" + to);
    }
  }

  /** {@code limit} between 1 and {@code max}; absent means {@code fallback}. */
  static int limit(Context ctx, int fallback, int max) {
    return parseLimit(ctx.queryParam("limit"), fallback, max);
  }

  static int parseLimit(String value, int fallback, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int limit;
    try {
      limit = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit=" + value + " is not a whole number");
    }
    if (limit < 1 || limit > max) {
      throw ApiException.badRequest("limit=" + value + " must be between 1 and " + max);
    }
    return limit;
  }
}
