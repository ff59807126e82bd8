package io.newsflow.streams.trends;

import io.newsflow.streams.support.ZeroPadded;
import java.time.Duration;
import java.time.Instant;

/**
 * Keys of the trend stores and of news.trends. Store keys start with the window size, then (for windows and
 * tallies) the window start, each zero-padded so that string order is numeric order: the tallies of one window,
 * and the history of one size, form one contiguous range, read with one range scan; windows iterate by size, then
 * start.
 */
final class WindowKeys {

  private static final char SEPARATOR = '|';
  /** Just past the separator ('|' + 1 = '}'): the exclusive end of a range. */
  private static final char PAST_SEPARATOR = (char) (SEPARATOR + 1);
  private static final int NUMBER = 19;

  private WindowKeys() {}

  private static String number(long value) {
    return ZeroPadded.of(value, NUMBER);
  }

  /** An open window of a size: {@code size|start}. */
  static String window(long size, long windowStart) {
    return number(size) + SEPARATOR + number(windowStart);
  }

  static long sizeOf(String windowKey) {
    return Long.parseLong(windowKey.substring(0, NUMBER));
  }

  static long startOf(String windowKey) {
    return Long.parseLong(windowKey.substring(NUMBER + 1, 2 * NUMBER + 1));
  }

  /** A keyword's tally in a window: {@code size|start|keyword}. */
  static String tally(long size, long windowStart, String keyword) {
    return window(size, windowStart) + SEPARATOR + keyword;
  }

  /** First key of a window's tallies. */
  static String rangeFrom(long size, long windowStart) {
    return window(size, windowStart) + SEPARATOR;
  }

  /** Just past the last key of a window's tallies. */
  static String rangeTo(long size, long windowStart) {
    return window(size, windowStart) + PAST_SEPARATOR;
  }

  /** The keyword of a tally key. */
  static String keywordOfTally(String tallyKey) {
    return tallyKey.substring(2 * NUMBER + 2);
  }

  /** A keyword's history for a window size: {@code size|keyword}. */
  static String history(long size, String keyword) {
    return number(size) + SEPARATOR + keyword;
  }

  static String historyFrom(long size) {
    return number(size) + SEPARATOR;
  }

  static String historyTo(long size) {
    return number(size) + PAST_SEPARATOR;
  }

  /** The progress of a window size. */
  static String progress(long size) {
    return number(size);
  }

  /** A window size as ISO-8601, java.time's form: PT5M, PT1H, PT24H. */
  static String sizeName(long size) {
    return Duration.ofMillis(size).toString();
  }

  /** The key of a snapshot on news.trends: window size and start, ISO-8601 ({@code PT1H/2025-02-24T08:00:00Z}). */
  static String snapshotKey(long size, long windowStart) {
    return sizeName(size) + "/" + Instant.ofEpochMilli(windowStart);
  }
}
