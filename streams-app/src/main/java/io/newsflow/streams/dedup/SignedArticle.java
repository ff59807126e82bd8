package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import java.util.List;

/**
 * An article version with its {@link Signature}, computed once on the way into dedup: the version message and
 * every match-index entry of the article use the same one.
 */
public record SignedArticle(Article article, Signature signature) {

  public static SignedArticle of(Article article) {
    return new SignedArticle(article, Signature.of(article));
  }

  /** The keys the version is indexed under ({@link MatchKeys}). */
  public List<String> matchKeys() {
    return MatchKeys.of(signature);
  }
}
