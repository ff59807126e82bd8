package io.newsflow.streams.topics;

import java.util.List;

/**
 * The names of newsflow's topics. The defaults are the contract other services subscribe to; each can be
 * renamed in configuration ({@code newsflow.topic.raw=...}) for a shared cluster.
 */
public record TopicNames(String raw, String articles, String duplicates, String trends, String deadLetters) {

  public static final String RAW = "news.raw";
  public static final String ARTICLES = "news.articles";
  public static final String DUPLICATES = "news.duplicates";
  public static final String TRENDS = "news.trends";
  public static final String DEAD_LETTERS = "news.dlq";

  public static TopicNames defaults() {
    return new TopicNames(RAW, ARTICLES, DUPLICATES, TRENDS, DEAD_LETTERS);
  }

  public List<String> all() {
    return List.of(raw, articles, duplicates, trends, deadLetters);
  }
}
