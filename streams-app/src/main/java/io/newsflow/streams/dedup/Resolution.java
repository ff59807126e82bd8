package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateNotice;

/**
 * What a resolver sends on: a duplicate NOTICE for news.duplicates; a version to PUBLISH (to keywords, then
 * news.articles and the trend count under {@code countKey}); or a WITHDRAW of what is counted under
 * {@code countKey}, when an item turns out to be a duplicate after it was counted.
 */
public record Resolution(Type type, DuplicateNotice notice, Article article, String countKey) {

  /** The three kinds of outcome. */
  public enum Type { NOTICE, PUBLISH, WITHDRAW }

  public static Resolution notice(DuplicateNotice notice) {
    return new Resolution(Type.NOTICE, notice, null, null);
  }

  public static Resolution publish(Article article, String countKey) {
    return new Resolution(Type.PUBLISH, null, article, countKey);
  }

  public static Resolution withdraw(String countKey) {
    return new Resolution(Type.WITHDRAW, null, null, countKey);
  }
}
