package io.newsflow.streams.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Keys of the operator API's stores. Numbers are zero-padded so that string order is numeric order: all
 * snapshots of one window size form one contiguous range, ordered by window start, and the article index is
 * ordered by the time an article was indexed.
 */
final class StoreKeys {

  static final char SEPARATOR = '|';
  private static final int WIDTH = 19;

  private StoreKeys() {}

  /** A trend snapshot: window size, then window start. */
  static String snapshot(Duration size, Instant windowStart) {
    return pad(size.toMillis()) + SEPARATOR + pad(windowStart.toEpochMilli());
  }

  /** The first key of a window size's range. */
  static String firstSnapshot(Duration size) {
    return pad(size.toMillis()) + SEPARATOR;
  }

  /** Just past the last key of a window size's range ('|' + 1 = '}'). */
  static String pastLastSnapshot(Duration size) {
    return pad(size.toMillis()) + (char) (SEPARATOR + 1);
  }

  /** An entry of the article index: when the article was indexed, then its id. */
  static String indexed(long indexedAtMillis, String id) {
    return pad(indexedAtMillis) + SEPARATOR + id;
  }

  static long indexedAt(String indexKey) {
    return Long.parseLong(indexKey.substring(0, WIDTH));
  }

  static String indexedId(String indexKey) {
    return indexKey.substring(WIDTH + 1);
  }

  private static String pad(long value) {
    return String.format(Locale.ROOT, "%019d", Math.max(0, value));
  }
}
