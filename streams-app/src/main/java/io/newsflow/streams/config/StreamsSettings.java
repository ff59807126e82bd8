package io.newsflow.streams.config;

import io.newsflow.streams.topics.TopicNames;
import java.time.Duration;
import java.util.Map;

/**
 * The knobs of newsflow's stages, read from {@code newsflow.*} keys. Everything else in the configuration
 * goes to Kafka Streams untouched.
 */
public record StreamsSettings(
    TopicNames topics,
    Duration dedupRetention,
    Duration trendWindow,
    Duration trendGrace,
    int topN,
    int keywordsPerArticle,
    Duration emitInterval) {

  public static final String PREFIX = "newsflow.";

  /** Every newsflow.* key, so that environment names such as NEWSFLOW_TRENDS_TOP_N map back onto them. */
  public static final java.util.List<String> KEYS = java.util.List.of(
      "newsflow.topic.raw", "newsflow.topic.articles", "newsflow.topic.duplicates", "newsflow.topic.trends",
      "newsflow.topic.dlq", "newsflow.topic.partitions", "newsflow.topic.replication-factor",
      "newsflow.dedup.retention", "newsflow.trends.window", "newsflow.trends.grace", "newsflow.trends.top-n",
      "newsflow.keywords.per-article", "newsflow.trends.emit-interval");

  public static StreamsSettings defaults() {
    return from(Map.of());
  }

  public static StreamsSettings from(Map<String, String> config) {
    TopicNames d = TopicNames.defaults();
    TopicNames topics = new TopicNames(
        config.getOrDefault("newsflow.topic.raw", d.raw()),
        config.getOrDefault("newsflow.topic.articles", d.articles()),
        config.getOrDefault("newsflow.topic.duplicates", d.duplicates()),
        config.getOrDefault("newsflow.topic.trends", d.trends()),
        config.getOrDefault("newsflow.topic.dlq", d.deadLetters()));
    StreamsSettings settings = new StreamsSettings(
        topics,
        duration(config, "newsflow.dedup.retention", "P7D"),
        duration(config, "newsflow.trends.window", "PT1H"),
        duration(config, "newsflow.trends.grace", "PT10M"),
        integer(config, "newsflow.trends.top-n", 20),
        integer(config, "newsflow.keywords.per-article", 20),
        duration(config, "newsflow.trends.emit-interval", "PT1S"));
    settings.validate();
    return settings;
  }

  private void validate() {
    require(!trendWindow.isNegative() && !trendWindow.isZero(), "newsflow.trends.window must be positive");
    require(!trendGrace.isNegative(), "newsflow.trends.grace must not be negative");
    require(!dedupRetention.isNegative() && !dedupRetention.isZero(), "newsflow.dedup.retention must be positive");
    require(topN > 0, "newsflow.trends.top-n must be positive");
    require(keywordsPerArticle > 0, "newsflow.keywords.per-article must be positive");
    require(!emitInterval.isNegative() && !emitInterval.isZero(), "newsflow.trends.emit-interval must be positive");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static Duration duration(Map<String, String> config, String key, String fallback) {
    String value = config.getOrDefault(key, fallback);
    try {
      return Duration.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not an ISO-8601 duration such as PT1H", e);
    }
  }

  private static int integer(Map<String, String> config, String key, int fallback) {
    String value = config.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not an integer", e);
    }
  }
}
