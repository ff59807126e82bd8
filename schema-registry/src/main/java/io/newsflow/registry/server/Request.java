package io.newsflow.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One parsed HTTP request as the handlers see it: path parameters already URL-decoded, body already capped. */
record Request(String method, List<String> params, Map<String, String> query, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The {@code index}-th placeholder of the matched route, e.g. the subject of /subjects/{s}/versions. */
  String param(int index) {
    return params.get(index);
  }

  /** A boolean query flag such as ?permanent=true. */
  boolean flag(String name) {
    return Boolean.parseBoolean(query.getOrDefault(name, "false"));
  }

  /** The body as a JSON object; 400 with error_code 400 when it is not one. */
  JsonNode json() {
    try {
      JsonNode node = body.length == 0 ? null : JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST,
            "Request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST,
          "Malformed JSON in request body: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST, "Unreadable request body: " + e, e);
    }
  }

  /** A text field of the JSON body, or null when absent or JSON null. */
  String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
