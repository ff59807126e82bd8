package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.id.ArticleIds;
import io.newsflow.producer.source.SourceAttributes;

/**
 * What the state file remembers of a sent item: its id and its version. A feed entry or page that keeps its
 * id (GUID, URL) but changes its text or its update time is a revision and goes out again, for the streams
 * app to publish as one; the same item read again unchanged is skipped.
 */
final class SentVersions {

  private SentVersions() {}

  static String key(RawArticle article) {
    String updatedAt = article.getAttributes().get(SourceAttributes.UPDATED_AT);
    String version = updatedAt != null && !updatedAt.isBlank()
        ? updatedAt
        : ArticleIds.contentId((article.getTitle() == null ? "" : article.getTitle()) + "\n" + article.getBody());
    return article.getId() + "@" + version;
  }
}
