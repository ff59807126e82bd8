package io.newsflow.producer.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.avro.RawArticle;
import io.newsflow.producer.id.ArticleIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps one JSON article object onto a RawArticle: title, body, url and publishedAt onto their fields
 * (each under the names feeds commonly use), publisher, authors, section, updatedAt and language into
 * the attributes. Other fields are ignored.
 */
final class JsonFields {

  private static final String[] BODY = {"body", "content", "text"};
  private static final String[] URL = {"url", "link"};
  private static final String[] PUBLISHED_AT = {"publishedAt", "published_at", "date"};
  private static final String[] UPDATED_AT = {"updatedAt", "updated_at"};

  private JsonFields() {}

  static RawArticle toArticle(JsonNode object, ReadContext context, Map<String, String> position)
      throws InputException {
    String body = text(object, false, BODY);
    if (body == null) {
      throw new InputException("missing body (expected a non-empty body, content or text field)");
    }
    String url = text(object, true, URL);
    RawArticle.Builder article = context.newArticle(position)
        .setId(ArticleIds.of(text(object, true, "id"), url, body))
        .setUrl(url)
        .setBody(body)
        .setTitle(text(object, true, "title"))
        .setPublishedAt(instant(object, PUBLISHED_AT));
    Map<String, String> attributes = article.getAttributes();
    putIfPresent(attributes, SourceAttributes.PUBLISHER, text(object, true, "publisher"));
    putIfPresent(attributes, SourceAttributes.AUTHORS, authors(object));
    putIfPresent(attributes, SourceAttributes.SECTION, text(object, true, "section"));
    Instant updatedAt = instant(object, UPDATED_AT);
    putIfPresent(attributes, SourceAttributes.UPDATED_AT, updatedAt == null ? null : updatedAt.toString());
    putIfPresent(attributes, SourceAttributes.LANGUAGE, text(object, true, "language"));
    return article.build();
  }

  /** The first of the named fields that holds a non-blank scalar, or null. */
  private static String text(JsonNode object, boolean strip, String... names) throws InputException {
    for (String name : names) {
      JsonNode value = object.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      if (value.isContainerNode()) {
        throw new InputException("field '" + name + "' must be a string, found " + typeOf(value));
      }
      String text = value.asText();
      if (!text.isBlank()) {
        return strip ? text.strip() : text;
      }
    }
    return null;
  }

  private static Instant instant(JsonNode object, String... names) throws InputException {
    for (String name : names) {
      JsonNode value = object.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return Instant.ofEpochMilli(value.longValue());
      }
      if (value.isTextual() && !value.asText().isBlank()) {
        String text = value.asText();
        return Timestamps.parse(text).orElseThrow(() -> new InputException("field '" + name
            + "': cannot read '" + text + "' as a time (expected ISO-8601 with an offset, or epoch millis)"));
      }
      if (!value.isTextual()) {
        throw new InputException("field '" + name + "' must be a time (ISO-8601 string or epoch millis), found "
            + typeOf(value));
      }
    }
    return null;
  }

  /** Authors as a string, or an array of strings or of objects with a {@code name}, joined with ", ". */
  private static String authors(JsonNode object) throws InputException {
    JsonNode value = object.get("authors");
    if (value == null || value.isNull()) {
      return text(object, true, "author");
    }
    if (!value.isArray()) {
      return text(object, true, "authors");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode element : value) {
      JsonNode name = element.isObject() ? element.get("name") : element;
      if (name == null || name.isNull()) {
        continue;
      }
      if (name.isContainerNode()) {
        throw new InputException("field 'authors' must hold strings or objects with a name, found "
            + typeOf(name));
      }
      if (!name.asText().isBlank()) {
        names.add(name.asText().strip());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  static String typeOf(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static void putIfPresent(Map<String, String> attributes, String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
