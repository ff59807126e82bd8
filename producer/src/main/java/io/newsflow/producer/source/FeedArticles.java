package io.newsflow.producer.source;

import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.id.ArticleIds;
import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom documents with ROME, one RawArticle per entry: the entry's GUID (RSS)
 * or id (Atom) as the id, else its canonical link; title and link; the content, else the description,
 * as plain text; published (else updated) time; authors and first category; the feed's title as publisher
 * and its language. An entry without any text fails alone; a document that does not parse fails whole.
 */
final class FeedArticles {

  private FeedArticles() {}

  /**
   * Reads one feed document; {@code context.source()} is the feed URL (or file). Entries that fail go to
   * the listener; a document that does not parse is the caller's to report.
   *
   * @return null when the document parsed, else why it is not a feed
   */
  static String read(String xml, ReadContext context, SourceListener listener) {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      // Keeps RSS items reachable: ROME puts the link in the entry's uri when an item has no GUID, and only
      // the item tells the two apart.
      input.setPreserveWireFeed(true);
      feed = input.build(new StringReader(xml));
    } catch (FeedException | IllegalArgumentException e) {
      return "not an RSS or Atom feed: " + firstLine(e);
    }
    String type = feed.getFeedType() == null ? "" : feed.getFeedType().toLowerCase(Locale.ROOT);
    ReadContext feedContext = context.withFormat(type.startsWith("atom") ? SourceFormat.ATOM : SourceFormat.RSS);
    List<SyndEntry> entries = feed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      String origin = SourceAttributes.indexOrigin(context.pathText(), i);
      try {
        listener.onArticle(toArticle(feed, entries.get(i), feedContext));
      } catch (InputException e) {
        listener.onFailure(new Failure(origin, e.reason()));
      }
    }
    return null;
  }

  private static RawArticle toArticle(SyndFeed feed, SyndEntry entry, ReadContext context) throws InputException {
    String title = blankToNull(HtmlText.fragmentToText(entry.getTitle()));
    String body = blankToNull(HtmlText.fragmentToText(text(entry)));
    if (body == null) {
      // Headline-only feeds exist; the headline is then all the text there is.
      body = title;
    }
    if (body == null) {
      throw new InputException("entry has neither content, description nor title");
    }
    String link = blankToNull(entry.getLink());
    Instant published = instant(entry.getPublishedDate());
    Instant updated = instant(entry.getUpdatedDate());
    RawArticle.Builder article = context.newArticle(Map.of())
        .setId(ArticleIds.of(guid(entry), link, body))
        .setUrl(link)
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(published != null ? published : updated);
    Map<String, String> attributes = article.getAttributes();
    put(attributes, SourceAttributes.PUBLISHER, blankToNull(feed.getTitle()));
    put(attributes, SourceAttributes.AUTHORS, authors(entry));
    put(attributes, SourceAttributes.SECTION, entry.getCategories().stream().map(SyndCategory::getName)
        .filter(name -> name != null && !name.isBlank()).findFirst().map(String::strip).orElse(null));
    put(attributes, SourceAttributes.UPDATED_AT, published != null && updated != null ? updated.toString() : null);
    put(attributes, SourceAttributes.LANGUAGE, feed.getLanguage() == null ? null
        : blankToNull(feed.getLanguage().toLowerCase(Locale.ROOT)));
    return article.build();
  }

  /** The source's own id: an RSS item's GUID or an Atom entry's id; null when the feed gives none. */
  private static String guid(SyndEntry entry) {
    if (entry.getWireEntry() instanceof Item item) {
      Guid guid = item.getGuid();
      return guid == null ? null : blankToNull(guid.getValue());
    }
    return blankToNull(entry.getUri());
  }

  private static String text(SyndEntry entry) {
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null && !content.getValue().isBlank()) {
        return content.getValue();
      }
    }
    return entry.getDescription() == null ? null : entry.getDescription().getValue();
  }

  private static String authors(SyndEntry entry) {
    List<String> names = entry.getAuthors().stream().map(SyndPerson::getName)
        .filter(name -> name != null && !name.isBlank()).map(String::strip).toList();
    if (!names.isEmpty()) {
      return String.join(", ", names);
    }
    return blankToNull(entry.getAuthor());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String firstLine(Exception e) {
    Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
