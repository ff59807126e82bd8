package io.newsflow.registry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain REST calls to a registry over java.net.http, for tests that check the wire-level answers. */
public final class RestCalls {

  /** One answer: status, Content-Type, body text, and the body parsed as JSON when it is JSON. */
  public record Answer(int status, String contentType, String text, JsonNode json) {
  }

  public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;

  public RestCalls(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Answer get(String path) {
    return send("GET", path, null, null);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Answer post(String path, String body) {
    return send("POST", path, body, MEDIA_TYPE);
  }

  public Answer put(String path, String body) {
    return send("PUT", path, body, MEDIA_TYPE);
  }

  /** A POST whose body is {"schema": schemaText}. */
  public Answer postSchema(String path, String schemaText) {
    return post(path, JSON.createObjectNode().put("schema", schemaText).toString());
  }

  public Answer send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code json} re-indented over several lines: the same schema as a human would send it. */
  public static String pretty(String json) {
    try {
      return JSON.readTree(json).toPrettyString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
