package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.id.ArticleIds;
import io.newsflow.producer.source.SourceAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the state file remembers of a sent item: its id and its version. A feed entry or page that keeps its
 * id (GUID, URL) but changes its text or its update time is a revision and goes out again, for the streams
 * app to publish as one; the same item read again unchanged is skipped.
 */
public final class SentVersions {

  private SentVersions() {}

  /**
   * The articles one input of a {@code produce} run sends, in order: an item read again unchanged (same id and
   * version) goes out once. {@code verify} computes its oracle from these, not from every item read.
   */
  public static List<RawArticle> sentOnce(List<RawArticle> readFromOneInput) {
    Set<String> seen = new HashSet<>();
    return readFromOneInput.stream().filter(article -> seen.add(key(article))).toList();
  }

  static String key(RawArticle article) {
    String updatedAt = article.getAttributes().get(SourceAttributes.UPDATED_AT);
    String version = updatedAt != null && !updatedAt.isBlank()
        ? updatedAt
        : ArticleIds.contentId((article.getTitle() == null ? "" : article.getTitle()) + "\n" + article.getBody());
    return article.getId() + "@" + version;
  }
}
