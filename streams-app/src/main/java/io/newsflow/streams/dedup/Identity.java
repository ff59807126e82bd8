package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;

/**
 * Names an article for deduplication. Its <em>item</em> is the story a source publishes and may revise: the
 * canonical URL, or the id when there is no URL (an id without a URL names a source item: a feed GUID, a JSON
 * id, or a content hash that never repeats with other content). Its <em>handle</em> is one version of it: the
 * id and the start of the fingerprint, so the same record sent twice is one version and an edited text under
 * the same id is another.
 */
public final class Identity {

  private static final int FINGERPRINT_PREFIX = 16;

  private Identity() {
  }

  public static String item(Article article) {
    return article.getUrl() != null ? "url:" + article.getUrl() : "id:" + article.getId();
  }

  public static String handle(Article article) {
    String fingerprint = article.getFingerprint();
    return article.getId() + "#" + fingerprint.substring(0, Math.min(FINGERPRINT_PREFIX, fingerprint.length()));
  }
}
