package io.newsflow.streams.config;

import io.newsflow.streams.dedup.NearRules;
import io.newsflow.streams.keywords.KeywordConfig;
import io.newsflow.streams.learn.ModelSettings;
import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.trends.Scoring;
import io.newsflow.streams.trends.TrendSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knobs of newsflow's stages, read from {@code newsflow.*} keys. Everything else in the configuration
 * goes to Kafka Streams untouched (for example {@code num.standby.replicas}).
 *
 * @param dedupRetention how long (event time) an article can make later ones duplicates, and how long the
 *     dedup stores keep it
 * @param nearRules when two bodies are near duplicates
 * @param maxCandidates how many articles one match key is compared with at most, a guard against a key that
 *     every article shares
 * @param trends the trend stage's windows, emission and score ({@code newsflow.trends.*})
 * @param keywordsPerArticle how many ranked keywords an article keeps
 * @param blockCacheBytes the RocksDB block cache all stores of the process share
 * @param writeBufferBytes the part of that cache RocksDB memtables may take
 * @param keywords keyword extraction's user dictionary
 * @param model the learned keyword model ({@code newsflow.keywords.model.*})
 */
public record StreamsSettings(
    TopicNames topics,
    Duration dedupRetention,
    NearRules nearRules,
    int maxCandidates,
    TrendSettings trends,
    int keywordsPerArticle,
    long blockCacheBytes,
    long writeBufferBytes,
    KeywordConfig keywords,
    ModelSettings model) {

  public static final String PREFIX = "newsflow.";
  public static final String BLOCK_CACHE = "newsflow.rocksdb.block-cache";
  public static final String WRITE_BUFFERS = "newsflow.rocksdb.write-buffers";
  /** Commit as soon as a stream thread has caught up with its input; see {@code support.EagerCommit}. */
  public static final String COMMIT_WHEN_CAUGHT_UP = "newsflow.commit.when-caught-up";

  /** Every newsflow.* key, so that environment names such as NEWSFLOW_TRENDS_TOP_N map back onto them. */
  public static final List<String> KEYS = List.of(
      "newsflow.topic.raw", "newsflow.topic.articles", "newsflow.topic.duplicates", "newsflow.topic.trends",
      "newsflow.topic.dlq", "newsflow.topic.keyword-model", "newsflow.topic.keyword-decisions",
      "newsflow.topic.partitions", "newsflow.topic.replication-factor", "newsflow.topic.min-insync-replicas",
      "newsflow.dedup.retention", "newsflow.dedup.near.max-distance", "newsflow.dedup.near.min-containment",
      "newsflow.dedup.near.min-resemblance", "newsflow.dedup.max-candidates",
      "newsflow.trends.windows", "newsflow.trends.window", "newsflow.trends.grace", "newsflow.trends.top-n",
      "newsflow.keywords.per-article", KeywordConfig.USER_DICTIONARY, "newsflow.trends.emit-interval", "newsflow.trends.idle-close",
      "newsflow.trends.min-score", "newsflow.trends.min-count", "newsflow.trends.history-alpha",
      "newsflow.trends.prior", "newsflow.trends.dispersion", "newsflow.trends.warm-up", "newsflow.trends.history-max-keywords",
      "newsflow.keywords.model.enabled", "newsflow.keywords.model.every", "newsflow.keywords.model.half-life",
      "newsflow.keywords.model.min-share", "newsflow.keywords.model.min-documents",
      "newsflow.keywords.model.noun-min-articles", "newsflow.keywords.model.max-nouns",
      "newsflow.keywords.model.max-candidates", "newsflow.keywords.model.retain-versions",
      BLOCK_CACHE, WRITE_BUFFERS, COMMIT_WHEN_CAUGHT_UP);

  /** Default window sizes: a live view (5 minutes) and a steadier one (1 hour). */
  public static final String DEFAULT_WINDOWS = "PT5M,PT1H";

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]i?b?)?", Pattern.CASE_INSENSITIVE);

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
        config.getOrDefault("newsflow.topic.dlq", d.deadLetters()),
        config.getOrDefault("newsflow.topic.keyword-model", d.keywordModel()),
        config.getOrDefault("newsflow.topic.keyword-decisions", d.keywordDecisions()));
    NearRules near = new NearRules(
        integer(config, "newsflow.dedup.near.max-distance", NearRules.DEFAULTS.maxDistance()),
        fraction(config, "newsflow.dedup.near.min-containment", NearRules.DEFAULTS.minContainment()),
        fraction(config, "newsflow.dedup.near.min-resemblance", NearRules.DEFAULTS.minResemblance()));
    StreamsSettings settings = new StreamsSettings(
        topics,
        duration(config, "newsflow.dedup.retention", "P7D"),
        near,
        integer(config, "newsflow.dedup.max-candidates", 1000),
        trends(config),
        integer(config, "newsflow.keywords.per-article", 20),
        bytes(config, BLOCK_CACHE, "64MiB"),
        bytes(config, WRITE_BUFFERS, "16MiB"),
        KeywordConfig.from(config),
        model(config));
    settings.validate();
    return settings;
  }

  /** Whether a caught-up stream thread commits at once ({@link #COMMIT_WHEN_CAUGHT_UP}, default true). */
  public static boolean commitWhenCaughtUp(Map<String, String> config) {
    return bool(config, COMMIT_WHEN_CAUGHT_UP, true);
  }

  private static boolean bool(Map<String, String> config, String key, boolean fallback) {
    String value = config.getOrDefault(key, Boolean.toString(fallback)).strip();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(key + "=" + value + " is not true or false");
    }
    return Boolean.parseBoolean(value);
  }

  /** The window sizes counted at once, as configured ({@code newsflow.trends.windows}). */
  public List<Duration> trendWindows() {
    return trends.windows();
  }

  /**
   * The longest configured window size: the steadiest view, which a reader that shows one size shows by default
   * (PT1H with the default windows).
   */
  public Duration trendWindow() {
    return trends.windows().stream().max(Duration::compareTo).orElseThrow();
  }

  private static ModelSettings model(Map<String, String> config) {
    ModelSettings d = ModelSettings.DEFAULTS;
    return new ModelSettings(bool(config, "newsflow.keywords.model.enabled", d.enabled()),
        integer(config, "newsflow.keywords.model.every", d.every()),
        duration(config, "newsflow.keywords.model.half-life", d.halfLife().toString()),
        number(config, "newsflow.keywords.model.min-share", d.minShare()),
        integer(config, "newsflow.keywords.model.min-documents", d.minDocuments()),
        number(config, "newsflow.keywords.model.noun-min-articles", d.nounMinArticles()),
        integer(config, "newsflow.keywords.model.max-nouns", d.maxNouns()),
        integer(config, "newsflow.keywords.model.max-candidates", d.maxCandidates()),
        integer(config, "newsflow.keywords.model.retain-versions", d.retainVersions()));
  }

  private static TrendSettings trends(Map<String, String> config) {
    Scoring d = Scoring.DEFAULTS;
    Scoring scoring = new Scoring(
        number(config, "newsflow.trends.history-alpha", d.alpha()),
        number(config, "newsflow.trends.prior", d.prior()),
        number(config, "newsflow.trends.dispersion", d.dispersion()),
        number(config, "newsflow.trends.min-score", d.minScore()),
        integer(config, "newsflow.trends.min-count", (int) d.minCount()),
        integer(config, "newsflow.trends.warm-up", d.warmUp()));
    return new TrendSettings(windows(config),
        duration(config, "newsflow.trends.grace", "PT10M"),
        integer(config, "newsflow.trends.top-n", 20),
        duration(config, "newsflow.trends.emit-interval", "PT1S"),
        duration(config, "newsflow.trends.idle-close", "PT15M"),
        scoring,
        integer(config, "newsflow.trends.history-max-keywords", 100_000));
  }

  /**
   * {@code newsflow.trends.windows} (comma-separated ISO-8601 durations); else the older single
   * {@code newsflow.trends.window}; else {@link #DEFAULT_WINDOWS}.
   */
  private static List<Duration> windows(Map<String, String> config) {
    String key = config.containsKey("newsflow.trends.windows") || !config.containsKey("newsflow.trends.window")
        ? "newsflow.trends.windows" : "newsflow.trends.window";
    String value = config.getOrDefault(key, DEFAULT_WINDOWS);
    List<Duration> windows = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        windows.add(duration(Map.of(key, part.strip()), key, part.strip()));
      }
    }
    return windows;
  }

  private void validate() {
    require(!dedupRetention.isNegative() && !dedupRetention.isZero(), "newsflow.dedup.retention must be positive");
    require(nearRules.maxDistance() >= 0 && nearRules.maxDistance() < 16,
        "newsflow.dedup.near.max-distance must be between 0 and 15: the band index finds pairs within 3 bits"
            + " for certain, and fewer of them the further beyond");
    require(maxCandidates > 0, "newsflow.dedup.max-candidates must be positive");
    require(keywordsPerArticle > 0, "newsflow.keywords.per-article must be positive");
    require(blockCacheBytes > 0, BLOCK_CACHE + " must be positive");
    require(writeBufferBytes > 0 && writeBufferBytes <= blockCacheBytes,
        WRITE_BUFFERS + " must be positive and at most " + BLOCK_CACHE);
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

  private static double number(Map<String, String> config, String key, double fallback) {
    String value = config.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a number", e);
    }
  }

  private static double fraction(Map<String, String> config, String key, double fallback) {
    String value = config.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      double fraction = Double.parseDouble(value.trim());
      if (fraction < 0 || fraction > 1) {
        throw new IllegalArgumentException(key + "=" + value + " is not between 0 and 1");
      }
      return fraction;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a number between 0 and 1", e);
    }
  }

  /** A size in bytes: "67108864", "64MiB", "64m", "512KiB". */
  static long bytes(Map<String, String> config, String key, String fallback) {
    String value = config.getOrDefault(key, fallback).strip();
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(key + "=" + value + " is not a size such as 64MiB");
    }
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
      case 'k' -> number << 10;
      case 'm' -> number << 20;
      case 'g' -> number << 30;
      default -> number;
    };
  }
}
