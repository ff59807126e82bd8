package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateNotice;

/** A dedup stage's verdict on one article: unique (pass it on) or a duplicate (report it, count nothing). */
public record Verdict(Article article, DuplicateNotice duplicate) {

  public static Verdict unique(Article article) {
    return new Verdict(article, null);
  }

  public static Verdict duplicate(Article article, DuplicateNotice notice) {
    return new Verdict(article, notice);
  }

  public boolean isDuplicate() {
    return duplicate != null;
  }
}
