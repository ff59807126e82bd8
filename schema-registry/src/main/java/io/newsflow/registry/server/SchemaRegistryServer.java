package io.newsflow.registry.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded, single-node Schema Registry speaking Confluent's REST API, so that Confluent's clients and ours work
 * against it unchanged. Schemas live in memory, or in a compacted Kafka topic when bootstrap servers are given.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  /** The largest request body accepted; larger ones get 413 (Confluent's own schemas are far below this). */
  public static final int MAX_REQUEST_BYTES = 1 << 20;
  public static final String DEFAULT_SCHEMAS_TOPIC = "_schemas";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final int THREADS = 4;
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes response headers and body as separate packets; with Nagle's algorithm on, the body
    // waits for the client's delayed ACK, about 40 ms per request. The property is read once, when the JDK's
    // server configuration is first loaded, and an operator's own setting wins.
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  /**
   * Where to listen and where to keep schemas. Port 0 picks a free port; a null {@code bootstrapServers} keeps
   * schemas in memory, otherwise in compacted topic {@code schemasTopic} (default "_schemas").
   */
  public record Config(String host, int port, String bootstrapServers, String schemasTopic) {

    public Config {
      host = host == null || host.isBlank() ? "localhost" : host;
      schemasTopic = schemasTopic == null || schemasTopic.isBlank() ? DEFAULT_SCHEMAS_TOPIC : schemasTopic;
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
    }

    /** localhost, a free port, schemas in memory: what unit tests want. */
    public static Config inMemory() {
      return new Config("localhost", 0, null, DEFAULT_SCHEMAS_TOPIC);
    }
  }

  private final HttpServer http;
  private final ExecutorService executor;
  private final SchemaStore store;
  private final String url;

  private SchemaRegistryServer(HttpServer http, ExecutorService executor, SchemaStore store, String host) {
    this.http = http;
    this.executor = executor;
    this.store = store;
    String shownHost = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    this.url = "http://" + shownHost + ":" + http.getAddress().getPort();
  }

  /** Opens the store (replaying the topic if Kafka-backed) and starts serving. */
  public static SchemaRegistryServer start(Config config) {
    Objects.requireNonNull(config, "config");
    SchemaStore store = config.bootstrapServers() == null
        ? new InMemorySchemaStore()
        : KafkaSchemaStore.open(config.bootstrapServers(), config.schemasTopic());
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    } catch (BindException e) {
      store.close();
      throw new IllegalStateException("port " + config.port() + " is already in use (Schema Registry)", e);
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException("Cannot listen on " + config.host() + ":" + config.port(), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads());
    http.createContext("/", new Router(new SchemaRegistryService(store), MAX_REQUEST_BYTES));
    http.setExecutor(executor);
    http.start();
    SchemaRegistryServer server = new SchemaRegistryServer(http, executor, store, config.host());
    LOG.info("schema registry started url={} store={}", server.url,
        config.bootstrapServers() == null ? "memory" : "kafka topic=" + config.schemasTopic()
            + " bootstrapServers=" + config.bootstrapServers());
    return server;
  }

  /** Base URL for clients, e.g. "http://localhost:8081". */
  public String url() {
    return url;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    store.close();
    LOG.info("schema registry stopped url={}", url);
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
