package io.newsflow.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.producer.ProducerMeters;
import io.newsflow.streams.api.ProcessMeters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} (Prometheus text) and {@code /health} of a running {@code newsflow produce}. The JDK's HTTP
 * server rather than the API's Javalin: two fixed GET routes need no router, JSON mapper or static files, and it
 * starts no Jetty thread pool beside the producer's threads; one thread answers, as a scrape every few seconds
 * and a probe are all it gets.
 */
final class ProducerHttp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProducerHttp.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;
  private final ProcessMeters processMeters;

  private ProducerHttp(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry,
      ProcessMeters processMeters) {
    this.server = server;
    this.executor = executor;
    this.registry = registry;
    this.processMeters = processMeters;
  }

  /**
   * Binds {@code host:port} (0: a free port) and serves the JVM's meters and those of {@link #meters()};
   * {@code /health} answers 200 while {@code running} says so, 503 after.
   */
  static ProducerHttp start(String host, int port, BooleanSupplier running) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (BindException e) {
      throw new IllegalStateException("port " + port + " is already in use (produce /metrics); choose another with "
          + "--http-port", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve /metrics on " + host + ":" + port, e);
    }
    ProcessMeters processMeters = ProcessMeters.bindTo(registry);
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "newsflow-produce-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/metrics", exchange -> answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
        registry.scrape()));
    server.createContext("/health", exchange -> {
      boolean up = running.getAsBoolean();
      answer(exchange, up ? 200 : 503, "application/json", up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
    });
    server.start();
    LOG.info("event=produce_http_started url=http://{}:{}/metrics", host, server.getAddress().getPort());
    return new ProducerHttp(server, executor, registry, processMeters);
  }

  /** Where the producer's run counts go. */
  ProducerMeters meters() {
    return ProducerMeters.in(registry);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    try (exchange) {
      // A context matches every path under it: /metrics/x is no page of ours.
      String path = exchange.getRequestURI().getPath();
      boolean known = path.equals(exchange.getHttpContext().getPath());
      boolean get = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
      int code = !known ? 404 : get ? status : 405;
      byte[] bytes = (code == status ? body : "").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(code, head || bytes.length == 0 ? -1 : bytes.length);
      if (!head && bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    processMeters.close();
  }
}
