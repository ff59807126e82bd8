package io.newsflow.streams.trends;

import java.time.Instant;

/**
 * Keys of the trend stores. A tally's key is its window start, zero-padded so that string order is time order,
 * then the keyword: all tallies of one window form one contiguous range, read with one range scan.
 */
final class WindowKeys {

  private static final char SEPARATOR = '|';

  private WindowKeys() {}

  static String window(long windowStart) {
    return String.format("%019d", windowStart);
  }

  static String tally(long windowStart, String keyword) {
    return window(windowStart) + SEPARATOR + keyword;
  }

  /** First key of a window's range. */
  static String rangeFrom(long windowStart) {
    return window(windowStart) + SEPARATOR;
  }

  /** Just past the last key of a window's range ('|' + 1 = '}'). */
  static String rangeTo(long windowStart) {
    return window(windowStart) + (char) (SEPARATOR + 1);
  }

  static long windowStart(String windowKey) {
    return Long.parseLong(windowKey);
  }

  /** The key of a snapshot on news.trends: the window start as ISO-8601. */
  static String snapshotKey(long windowStart) {
    return Instant.ofEpochMilli(windowStart).toString();
  }
}
