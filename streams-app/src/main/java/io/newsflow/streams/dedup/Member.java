package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;

/**
 * One version of an article as the match index keeps it under one match key: who it is, when it happened and
 * its {@link Signature}. Under a SimHash band or fingerprint key the sketch is left out (empty): only the
 * passage keys need it, and it is most of the member's size.
 */
public record Member(String handle, String item, String id, long eventTime, String fingerprint, long simhash,
    long[] sketch, int words, long title) {

  public static Member of(Article article, long eventTime, Signature signature, boolean withSketch) {
    return new Member(Identity.handle(article), Identity.item(article), article.getId(), eventTime,
        signature.fingerprint(), signature.simhash(), withSketch ? signature.sketch() : new long[0],
        signature.words(), signature.title());
  }

  public boolean nearMatchable() {
    return words >= Signature.MIN_WORDS;
  }
}
