package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.id.ArticleIds;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the one article of an HTML page with jsoup: title ({@code og:title}, else {@code <title>}, else
 * the first {@code <h1>}), body text (the {@code articleBody} or {@code <article>} element's paragraphs, or
 * the page's paragraphs when {@code og:type} is {@code article}), canonical URL ({@code rel=canonical},
 * else {@code og:url}), publish and update times ({@code article:published_time} / {@code modified_time},
 * else {@code datePublished}, else an article's {@code <time datetime>}), and site name, authors, section
 * and language into the attributes. A page without an article (a section front, an error page) fails.
 */
final class HtmlArticles {

  static final String NO_ARTICLE =
      "no article in the page (no <article>, itemprop=articleBody or og:type=article with text)";

  private HtmlArticles() {}

  static void read(String html, ReadContext context, SourceListener listener) {
    Document page = Jsoup.parse(html);
    String body = body(page);
    if (body == null || body.isBlank()) {
      listener.onFailure(new Failure(context.pathText(), NO_ARTICLE));
      return;
    }
    String url = firstNonBlank(attr(page, "link[rel=canonical]", "href"), meta(page, "og:url"));
    String title = firstNonBlank(meta(page, "og:title"), page.title(), text(page, "h1"));
    RawArticle.Builder article = context.newArticle(Map.of())
        .setId(ArticleIds.of(null, url, body))
        .setUrl(url)
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(time(firstNonBlank(meta(page, "article:published_time"),
            attr(page, "[itemprop=datePublished]", "content"), attr(page, "[itemprop=datePublished]", "datetime"),
            attr(page, "article time[datetime]", "datetime"))));
    Map<String, String> attributes = article.getAttributes();
    put(attributes, SourceAttributes.PUBLISHER, meta(page, "og:site_name"));
    put(attributes, SourceAttributes.AUTHORS, authors(page));
    put(attributes, SourceAttributes.SECTION, meta(page, "article:section"));
    Instant updated = time(firstNonBlank(meta(page, "article:modified_time"),
        attr(page, "[itemprop=dateModified]", "content")));
    put(attributes, SourceAttributes.UPDATED_AT, updated == null ? null : updated.toString());
    String language = page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang");
    put(attributes, SourceAttributes.LANGUAGE, language == null || language.isBlank()
        ? null : language.strip().toLowerCase(Locale.ROOT));
    listener.onArticle(article.build());
  }

  private static String body(Document page) {
    Element article = page.selectFirst("[itemprop=articleBody]");
    if (article == null) {
      article = page.selectFirst("article");
    }
    if (article != null) {
      return HtmlText.elementToText(article);
    }
    if ("article".equalsIgnoreCase(meta(page, "og:type"))) {
      return HtmlText.elementToText(page.body());
    }
    return null;
  }

  private static String authors(Document page) {
    List<String> names = page.select("meta[property=article:author], meta[name=author]").eachAttr("content")
        .stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
    return names.isEmpty() ? null : String.join(", ", names);
  }

  /** A meta tag's content by {@code property} (Open Graph) or {@code name}. */
  private static String meta(Document page, String key) {
    return firstNonBlank(attr(page, "meta[property=" + key + "]", "content"),
        attr(page, "meta[name=" + key + "]", "content"));
  }

  private static String attr(Document page, String selector, String attribute) {
    Element element = page.selectFirst(selector);
    return element == null ? null : element.attr(attribute);
  }

  private static String text(Document page, String selector) {
    Element element = page.selectFirst(selector);
    return element == null ? null : element.text();
  }

  /** A page's time, or null: a time without an offset would shift trends by hours, so it is left out. */
  private static Instant time(String text) {
    return text == null ? null : Timestamps.parse(text).orElse(null);
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(key, value);
    }
  }
}
