package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import java.util.List;

/**
 * What reaches an item's resolver, keyed by the item: a version of the article itself (VERSION, with the match
 * keys it was indexed under), the matches one of its versions found under one key (REPORT), or a match found
 * later by another article (EDGE).
 *
 * @param type which of the three
 * @param article the version (VERSION only)
 * @param handle the version the message is about
 * @param keys VERSION: every key the version was indexed under; REPORT: the one key reported on
 * @param matches REPORT: what the version matched under that key; EDGE: the one article that matched it
 */
public record DedupMessage(Type type, Article article, String handle, List<String> keys, List<Match> matches) {

  /** The three kinds of message. */
  public enum Type { VERSION, REPORT, EDGE }

  public DedupMessage {
    keys = List.copyOf(keys);
    matches = List.copyOf(matches);
  }

  public static DedupMessage version(Article article, List<String> keys) {
    return new DedupMessage(Type.VERSION, article, Identity.handle(article), keys, List.of());
  }

  public static DedupMessage report(String handle, String key, List<Match> matches) {
    return new DedupMessage(Type.REPORT, null, handle, List.of(key), matches);
  }

  public static DedupMessage edge(String handle, Match match) {
    return new DedupMessage(Type.EDGE, null, handle, List.of(), List.of(match));
  }
}
