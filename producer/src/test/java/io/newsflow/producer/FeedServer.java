package io.newsflow.producer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server for feed tests: serves documents by path with an ETag, answers 304 to a matching
 * {@code If-None-Match}, and records every request it gets.
 */
final class FeedServer implements AutoCloseable {

  /** One served document; a null etag sends none. */
  record Document(int status, String contentType, byte[] body, String etag) {}

  /** One request seen. */
  record Request(String path, String ifNoneMatch, long nanos, int status) {}

  private final HttpServer server;
  private final Map<String, Document> documents = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void serve(String path, Document document) {
    documents.put(path, document);
  }

  List<Request> requests(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    Document document = documents.get(path);
    int status;
    byte[] body = new byte[0];
    if (document == null) {
      status = 404;
    } else if (document.etag() != null && document.etag().equals(ifNoneMatch)) {
      status = 304;
      exchange.getResponseHeaders().add("ETag", document.etag());
    } else {
      status = document.status();
      body = document.body();
      if (document.etag() != null) {
        exchange.getResponseHeaders().add("ETag", document.etag());
      }
      if (document.contentType() != null) {
        exchange.getResponseHeaders().add("Content-Type", document.contentType());
      }
    }
    requests.add(new Request(path, ifNoneMatch, System.nanoTime(), status));
    exchange.sendResponseHeaders(status, status == 304 || body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
