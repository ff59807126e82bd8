package io.newsflow.streams.trends;

import io.newsflow.streams.keywords.Keywords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the trend stage counts one article: the window of each size its event time falls in, and each keyword
 * once under its counting key. Shared by {@link TrendsProcessor} and the offline oracle, so the two cannot
 * drift apart.
 */
public final class TrendCounting {

  private TrendCounting() {}

  /** The start of the tumbling window of {@code size} milliseconds that holds {@code eventTime}. */
  public static long windowStart(long eventTime, long size) {
    return eventTime - Math.floorMod(eventTime, size);
  }

  /** An article counts once per keyword, under the normalized key, whatever forms it used: key to first form. */
  public static Map<String, String> distinctKeywords(List<String> keywords) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String display : keywords) {
      byKey.putIfAbsent(Keywords.key(display), display);
    }
    return byKey;
  }

  /** The key of a window's snapshots on news.trends ({@code PT1H/2025-02-24T08:00:00Z}). */
  public static String snapshotKey(long size, long windowStart) {
    return WindowKeys.snapshotKey(size, windowStart);
  }
}
