package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import java.util.Map;

/**
 * The keys the producer writes into {@code RawArticle.attributes}: where a record came from, and the
 * source fields RawArticle has no field of its own for. The streams app's normalize stage reads them.
 */
public final class SourceAttributes {

  /** The file the record was read from, as the path was given or found under a given directory. */
  public static final String SOURCE_PATH = "source.path";
  /**
   * 1-based line of the record in a JSON Lines or CSV file, or on stdin; for Reuters SGML, the line its
   * {@code <REUTERS>} tag starts on.
   */
  public static final String SOURCE_LINE = "source.line";
  /** 0-based position of the record in a JSON array file. */
  public static final String SOURCE_INDEX = "source.index";
  /**
   * {@code portal-text}, {@code json}, {@code jsonl}, {@code html}, {@code csv}, {@code rss}, {@code atom} or
   * {@code reuters-sgml}.
   */
  public static final String SOURCE_FORMAT = "source.format";
  /**
   * The charset the text was decoded from, only when it was not UTF-8: e.g. {@code CP949}, or
   * {@code UTF-8+CP949} for a document whose lines mix both.
   */
  public static final String SOURCE_CHARSET = "source.charset";
  /** The portal's own page for an item whose url is the publisher's (the Naver search export's link). */
  public static final String PORTAL_LINK = "portal.link";
  /** The host the producer ran on. */
  public static final String PRODUCER_HOST = "producer.host";

  public static final String PUBLISHER = "publisher";
  /** Authors joined with {@code ", "}. */
  public static final String AUTHORS = "authors";
  public static final String SECTION = "section";
  /** ISO-8601 instant in UTC, e.g. {@code 2025-02-24T08:04:00Z}. */
  public static final String UPDATED_AT = "updatedAt";
  public static final String LANGUAGE = "language";

  private SourceAttributes() {}

  /**
   * Where a record came from, in the form failures use: {@code path}, {@code path:line} for JSON Lines,
   * {@code path[index]} for JSON arrays; the record's source when it has no path.
   */
  public static String origin(RawArticle article) {
    Map<String, String> attributes = article.getAttributes();
    String path = attributes.get(SOURCE_PATH);
    if (path == null) {
      return article.getSource();
    }
    if (attributes.containsKey(SOURCE_LINE)) {
      return lineOrigin(path, Integer.parseInt(attributes.get(SOURCE_LINE)));
    }
    if (attributes.containsKey(SOURCE_INDEX)) {
      return indexOrigin(path, Integer.parseInt(attributes.get(SOURCE_INDEX)));
    }
    return path;
  }

  static String lineOrigin(String path, int line) {
    return path + ":" + line;
  }

  static String indexOrigin(String path, int index) {
    return path + "[" + index + "]";
  }
}
