package io.newsflow.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.RawArticle;
import java.util.Map;
import java.util.TreeMap;

/** A RawArticle as one line of JSON, the way {@code produce --dry-run} prints it. */
public final class RecordJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private RecordJson() {}

  /** Fields in the schema's order; times as ISO-8601 instants; attributes sorted by key. */
  public static String toJson(RawArticle article) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", article.getId());
    node.put("source", article.getSource());
    node.put("url", article.getUrl());
    node.put("contentType", article.getContentType());
    node.put("title", article.getTitle());
    node.put("body", article.getBody());
    node.put("publishedAt", article.getPublishedAt() == null ? null : article.getPublishedAt().toString());
    node.put("fetchedAt", article.getFetchedAt() == null ? null : article.getFetchedAt().toString());
    Map<String, String> attributes = new TreeMap<>(article.getAttributes());
    node.set("attributes", MAPPER.valueToTree(attributes));
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a record as JSON", e);
    }
  }
}
