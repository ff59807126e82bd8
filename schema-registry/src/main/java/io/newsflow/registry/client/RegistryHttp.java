package io.newsflow.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The HTTP leg of {@link HttpSchemaRegistryClient}: sends one REST call with Confluent's media types and credentials
 * (over TLS as configured), fails over across the configured URLs on I/O errors, and turns an error answer into a
 * {@link SchemaRegistryException}.
 */
final class RegistryHttp {

  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ObjectMapper json;
  private final List<URI> baseUrls;
  private final Optional<String> authorization;
  private final HttpClient http;

  RegistryHttp(ObjectMapper json, List<URI> baseUrls, Optional<String> authorization, Optional<ClientTls> tls) {
    this.json = json;
    this.baseUrls = List.copyOf(baseUrls);
    this.authorization = authorization;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    tls.ifPresent(settings -> settings.applyTo(builder));
    this.http = builder.build();
  }

  String describe() {
    return String.join(",", baseUrls.stream().map(URI::toString).toList());
  }

  /** Sends {@code method path} with an optional JSON body and returns the parsed JSON answer. */
  JsonNode call(String method, String path, Object body) {
    byte[] payload = body == null ? null : encode(body);
    List<String> failures = new ArrayList<>();
    for (URI base : baseUrls) {
      HttpResponse<byte[]> response;
      try {
        response = http.send(request(base, method, path, payload), HttpResponse.BodyHandlers.ofByteArray());
      } catch (SSLException e) {
        failures.add(base + ": TLS failed: " + e + " (trust store: " + ClientTls.TRUSTSTORE_LOCATION
            + ", host name check: " + ClientTls.ENDPOINT_IDENTIFICATION_ALGORITHM + ")");
        continue;
      } catch (IOException e) {
        failures.add(base + ": " + e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
            "Interrupted while calling Schema Registry " + base, e);
      }
      return answer(base, method, path, response);
    }
    throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
        "Schema Registry unreachable for " + method + " " + path + ": " + String.join("; ", failures));
  }

  private HttpRequest request(URI base, String method, String path, byte[] payload) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(TIMEOUT)
        .header("Accept", ACCEPT)
        .method(method, payload == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload));
    if (payload != null) {
      builder.header("Content-Type", MEDIA_TYPE);
    }
    authorization.ifPresent(value -> builder.header("Authorization", value));
    return builder.build();
  }

  private JsonNode answer(URI base, String method, String path, HttpResponse<byte[]> response) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    JsonNode node = parse(text);
    if (response.statusCode() / 100 == 2) {
      if (node == null) {
        throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
            "Schema Registry " + base + " answered " + method + " " + path + " with a body that is not JSON: "
                + abbreviate(text));
      }
      return node;
    }
    int code = response.statusCode();
    String message = abbreviate(text);
    if (node != null && node.has("error_code")) {
      code = node.path("error_code").asInt(code);
      message = node.path("message").asText(message);
    }
    throw new SchemaRegistryException(code, "Schema Registry " + base + " refused " + method + " " + path
        + " with HTTP " + response.statusCode() + ", error_code " + code + ": " + message);
  }

  private JsonNode parse(String text) {
    try {
      return text.isBlank() ? null : json.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private byte[] encode(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot encode request body as JSON", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
