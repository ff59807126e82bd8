package io.newsflow.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsflow.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single HTTP entry point: reads and caps the body, checks the media type, matches the path against the route
 * table, and writes the handler's answer or a Confluent-style error body. No request can break the server: every
 * failure becomes an answer and the exchange is always closed.
 */
final class Router implements HttpHandler {

  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Set<String> ACCEPTED_TYPES = Set.of(MEDIA_TYPE, "application/vnd.schemaregistry+json",
      "application/json", "application/octet-stream");
  /** How much of an oversized body is read and thrown away so that the client still gets to see the 413. */
  private static final long DRAIN_LIMIT = 64L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Route(String method, List<String> pattern, Function<Request, Response> handler) {
  }

  private final List<Route> routes = new ArrayList<>();
  private final int maxBodyBytes;

  Router(SchemaRegistryService service, int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    SubjectHandlers subjects = new SubjectHandlers(service);
    SchemaHandlers schemas = new SchemaHandlers(service);
    ConfigHandlers config = new ConfigHandlers(service);
    route("GET", "", request -> Response.ok(Map.of()));
    route("GET", "subjects", subjects::subjects);
    route("POST", "subjects/{}", subjects::lookup);
    route("DELETE", "subjects/{}", subjects::deleteSubject);
    route("GET", "subjects/{}/versions", subjects::versions);
    route("POST", "subjects/{}/versions", subjects::register);
    route("GET", "subjects/{}/versions/{}", subjects::version);
    route("DELETE", "subjects/{}/versions/{}", subjects::deleteVersion);
    route("GET", "subjects/{}/versions/{}/schema", subjects::versionSchema);
    route("GET", "subjects/{}/versions/{}/referencedby", subjects::referencedBy);
    route("GET", "schemas/types", schemas::types);
    route("GET", "schemas/ids/{}", schemas::byId);
    route("GET", "schemas/ids/{}/versions", schemas::versionsOfId);
    route("GET", "schemas/ids/{}/subjects", schemas::subjectsOfId);
    route("POST", "compatibility/subjects/{}/versions/{}", config::testCompatibility);
    route("GET", "config", config::globalConfig);
    route("PUT", "config", config::putGlobalConfig);
    route("GET", "config/{}", config::subjectConfig);
    route("PUT", "config/{}", config::putSubjectConfig);
    route("DELETE", "config/{}", config::deleteSubjectConfig);
    route("GET", "mode", config::mode);
  }

  private void route(String method, String pattern, Function<Request, Response> handler) {
    routes.add(new Route(method, pattern.isEmpty() ? List.of() : List.of(pattern.split("/")), handler));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    int status;
    try {
      Response response;
      try {
        response = dispatch(exchange, method);
      } catch (SchemaRegistryException e) {
        response = error(e.httpStatus(), e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("request failed method={} path={}", method, path, e);
        response = error(500, SchemaRegistryException.STORE_ERROR, "Error in the backend data store: " + e);
      }
      status = response.status();
      write(exchange, response);
    } finally {
      exchange.close();
    }
    LOG.debug("request method={} path={} status={} millis={}", method, path, status,
        (System.nanoTime() - started) / 1_000_000);
  }

  private Response dispatch(HttpExchange exchange, String method) throws IOException {
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    boolean pathKnown = false;
    for (Route route : routes) {
      List<String> params = match(route.pattern(), segments);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        byte[] body = readBody(exchange, method);
        return route.handler().apply(new Request(method, params, query(exchange), body));
      }
    }
    if (pathKnown) {
      throw new SchemaRegistryException(SchemaRegistryException.METHOD_NOT_ALLOWED, "HTTP 405 Method Not Allowed");
    }
    throw new SchemaRegistryException(SchemaRegistryException.NOT_FOUND, "HTTP 404 Not Found");
  }

  private static List<String> match(List<String> pattern, List<String> segments) {
    if (pattern.size() != segments.size()) {
      return null;
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < pattern.size(); i++) {
      if ("{}".equals(pattern.get(i))) {
        params.add(segments.get(i));
      } else if (!pattern.get(i).equals(segments.get(i))) {
        return null;
      }
    }
    return params;
  }

  private byte[] readBody(HttpExchange exchange, String method) throws IOException {
    InputStream in = exchange.getRequestBody();
    if (!"POST".equals(method) && !"PUT".equals(method)) {
      return new byte[0];
    }
    requireAcceptedMediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && parseLength(declared) > maxBodyBytes) {
      drain(in);
      throw tooLarge(parseLength(declared));
    }
    byte[] body = in.readNBytes(maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      drain(in);
      throw tooLarge(-1);
    }
    return body;
  }

  private static void requireAcceptedMediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!ACCEPTED_TYPES.contains(type)) {
      throw new SchemaRegistryException(SchemaRegistryException.UNSUPPORTED_MEDIA_TYPE,
          "HTTP 415 Unsupported Media Type: " + type + " (send " + MEDIA_TYPE + " or application/json)");
    }
  }

  private SchemaRegistryException tooLarge(long declared) {
    String size = declared >= 0 ? "of " + declared + " bytes " : "";
    return new SchemaRegistryException(SchemaRegistryException.PAYLOAD_TOO_LARGE,
        "Request body " + size + "exceeds the limit of " + maxBodyBytes + " bytes");
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST, "Invalid Content-Length " + value);
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while (total < DRAIN_LIMIT && (read = in.read(buffer)) >= 0) {
      total += read;
    }
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        segments.add(decode(part));
      }
    }
    return segments;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
    }
    return query;
  }

  /** Percent-decoding only: in a path, '+' is a plus sign, not a space. */
  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST, "Malformed URL encoding: " + raw);
    }
  }

  private static Response error(int status, int errorCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", errorCode);
    body.put("message", message);
    return new Response(status, body, null);
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    byte[] bytes = response.rawJson() != null
        ? response.rawJson().getBytes(StandardCharsets.UTF_8)
        : JSON.writeValueAsBytes(response.body());
    exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
