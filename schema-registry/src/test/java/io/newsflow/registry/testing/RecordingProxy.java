package io.newsflow.registry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy put in front of a registry in tests: it forwards every request and records what the client
 * sent (method, path, Authorization header), so tests can count registry calls and check credentials.
 */
public final class RecordingProxy implements AutoCloseable {

  /** One request as the client sent it. */
  public record Call(String method, String path, String authorization) {
  }

  private static final Set<String> FORWARDED = Set.of("content-type", "accept", "authorization");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  private RecordingProxy(String target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  public static RecordingProxy forwardingTo(String targetUrl) throws IOException {
    return new RecordingProxy(targetUrl);
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** Same as {@link #url()} with credentials in the user-info part. */
  public String urlWithUserInfo(String userInfo) {
    return "http://" + userInfo + "@localhost:" + server.getAddress().getPort();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String pathAndQuery = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      calls.add(new Call(exchange.getRequestMethod(), pathAndQuery,
          exchange.getRequestHeaders().getFirst("Authorization")));
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
          .method(exchange.getRequestMethod(), body.length == 0
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response.headers().firstValue("Content-Type")
          .ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
      exchange.sendResponseHeaders(response.statusCode(), response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
