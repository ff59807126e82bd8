package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.id.ArticleIds;
import java.util.Map;

/**
 * Turns a plain-text file into one RawArticle carrying the whole text. The Korean portal layout (section,
 * title, reporter, publisher, 입력/수정 times, body) is parsed by the streams app's normalize stage, so the
 * producer leaves title, url and publishedAt empty.
 */
final class PortalText {

  private PortalText() {}

  static void read(String text, ReadContext context, SourceListener listener) {
    if (text.isBlank()) {
      listener.onFailure(new Failure(context.pathText(), "empty file"));
      return;
    }
    RawArticle article = context.newArticle(Map.of())
        .setId(ArticleIds.contentId(text))
        .setBody(text)
        .build();
    listener.onArticle(article);
  }
}
