package io.newsflow.streams.topics;

import java.util.List;

/**
 * The names of newsflow's topics. The defaults are the contract other services subscribe to; each can be
 * renamed in configuration ({@code newsflow.topic.raw=...}) for a shared cluster.
 */
public record TopicNames(String raw, String articles, String duplicates, String trends, String deadLetters,
    String keywordModel, String keywordDecisions) {

  public static final String RAW = "news.raw";
  public static final String ARTICLES = "news.articles";
  public static final String DUPLICATES = "news.duplicates";
  public static final String TRENDS = "news.trends";
  public static final String DEAD_LETTERS = "news.dlq";
  /** The learned keyword model's versions (compacted, key = version). */
  public static final String KEYWORD_MODEL = "news.keyword-model";
  /** Operators' keep/drop decisions on learned nouns (compacted, key = word). */
  public static final String KEYWORD_DECISIONS = "news.keyword-decisions";

  public static TopicNames defaults() {
    return new TopicNames(RAW, ARTICLES, DUPLICATES, TRENDS, DEAD_LETTERS, KEYWORD_MODEL, KEYWORD_DECISIONS);
  }

  public List<String> all() {
    return List.of(raw, articles, duplicates, trends, deadLetters, keywordModel, keywordDecisions);
  }

  /** The topics that keep the latest value per key (cleanup.policy=compact) and have one partition. */
  public List<String> compacted() {
    return List.of(keywordModel, keywordDecisions);
  }
}
