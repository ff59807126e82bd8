package io.newsflow.streams;

import io.newsflow.avro.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** RawArticles as the producer would send them, for topology tests. */
public final class RawArticles {

  /** The seed article's path on the test classpath (a copy of seeds/000_08287840eab21b9f.txt). */
  public static final String SEED_RESOURCE = "/fixtures/seed-ko.txt";

  private RawArticles() {}

  /**
   * A JSON-sourced article: the producer has already mapped title, body, url and publishedAt onto their
   * fields. Fetched one minute after publication.
   */
  public static RawArticle json(String id, String url, String title, String body, Instant publishedAt) {
    return RawArticle.newBuilder()
        .setId(id)
        .setSource("file:test/" + id + ".json")
        .setUrl(url)
        .setContentType("application/json")
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(publishedAt)
        .setFetchedAt(publishedAt.plusSeconds(60))
        .setAttributes(Map.of())
        .build();
  }

  /** A Korean portal page as plain text: the producer leaves title, url and publishedAt to the app. */
  public static RawArticle portalText(String id, String text, Instant fetchedAt) {
    return RawArticle.newBuilder()
        .setId(id)
        .setSource("file:test/" + id + ".txt")
        .setUrl(null)
        .setContentType("text/plain")
        .setTitle(null)
        .setBody(text)
        .setPublishedAt(null)
        .setFetchedAt(fetchedAt)
        .setAttributes(Map.of())
        .build();
  }

  /** The text of the seed article. */
  public static String seedText() {
    try (InputStream in = RawArticles.class.getResourceAsStream(SEED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SEED_RESOURCE + " is missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
