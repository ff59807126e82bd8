package io.newsflow.registry.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded, single-node Schema Registry speaking Confluent's REST API, so that Confluent's clients and ours work
 * against it unchanged. Schemas live in memory, or in a compacted Kafka topic when bootstrap servers are given;
 * it serves HTTPS and requires HTTP basic credentials when configured to.
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
   * Where to listen, how to secure it, and where to keep schemas. Port 0 picks a free port; a null
   * {@code bootstrapServers} keeps schemas in memory, otherwise in compacted topic {@code schemasTopic} (default
   * "_schemas"). Start from {@link #inMemory()} or the four-argument constructor and add the rest with the
   * {@code with...} methods.
   *
   * @param tls the server certificate to serve HTTPS with; null serves plain HTTP
   * @param basicAuthUsers user to password; when not empty every request needs HTTP basic credentials
   * @param kafkaClientSettings settings for the store's Kafka clients (security.protocol, sasl.*, ssl.*, ...),
   *     applied under the store's own essential ones (bootstrap servers, acks, serializers); each client takes the
   *     keys it knows and every security.*, sasl.*, ssl.* key, so a whole application configuration may be given
   * @param replicationFactor of the schemas topic when the registry creates it; -1 means the broker's
   *     default.replication.factor
   * @param minInsyncReplicas min.insync.replicas of the schemas topic when the registry creates it; empty leaves
   *     the broker's default
   */
  public record Config(String host, int port, String bootstrapServers, String schemasTopic, ServerTls tls,
      Map<String, String> basicAuthUsers, Map<String, Object> kafkaClientSettings, short replicationFactor,
      OptionalInt minInsyncReplicas) {

    public static final short BROKER_DEFAULT_REPLICATION_FACTOR = -1;

    public Config {
      host = host == null || host.isBlank() ? "localhost" : host;
      schemasTopic = schemasTopic == null || schemasTopic.isBlank() ? DEFAULT_SCHEMAS_TOPIC : schemasTopic;
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      basicAuthUsers = basicAuthUsers == null ? Map.of() : Map.copyOf(basicAuthUsers);
      basicAuthUsers.keySet().forEach(Config::requireUserName);
      // Kafka's own settings maps take null values nowhere, so a copy that refuses them loses nothing.
      kafkaClientSettings = kafkaClientSettings == null ? Map.of() : Map.copyOf(kafkaClientSettings);
      if (replicationFactor != BROKER_DEFAULT_REPLICATION_FACTOR && replicationFactor < 1) {
        throw new IllegalArgumentException("replicationFactor must be -1 (broker default) or at least 1, was "
            + replicationFactor);
      }
      minInsyncReplicas = minInsyncReplicas == null ? OptionalInt.empty() : minInsyncReplicas;
      if (minInsyncReplicas.isPresent() && minInsyncReplicas.getAsInt() < 1) {
        throw new IllegalArgumentException("minInsyncReplicas must be at least 1, was "
            + minInsyncReplicas.getAsInt());
      }
    }

    /** Plain HTTP, no credentials, the store's topic with the broker's defaults: how the registry always ran. */
    public Config(String host, int port, String bootstrapServers, String schemasTopic) {
      this(host, port, bootstrapServers, schemasTopic, null, Map.of(), Map.of(),
          BROKER_DEFAULT_REPLICATION_FACTOR, OptionalInt.empty());
    }

    /** localhost, a free port, schemas in memory: what unit tests want. */
    public static Config inMemory() {
      return new Config("localhost", 0, null, DEFAULT_SCHEMAS_TOPIC);
    }

    /** This configuration serving HTTPS with {@code serverTls} (null: plain HTTP). */
    public Config withTls(ServerTls serverTls) {
      return new Config(host, port, bootstrapServers, schemasTopic, serverTls, basicAuthUsers,
          kafkaClientSettings, replicationFactor, minInsyncReplicas);
    }

    /** This configuration requiring HTTP basic credentials of one of {@code users} (user to password). */
    public Config withBasicAuth(Map<String, String> users) {
      return new Config(host, port, bootstrapServers, schemasTopic, tls, users, kafkaClientSettings,
          replicationFactor, minInsyncReplicas);
    }

    /** This configuration requiring the one user of {@code userInfo}, written "user:password". */
    public Config withBasicAuth(String userInfo) {
      int colon = userInfo == null ? -1 : userInfo.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("basic auth user info must be user:password");
      }
      return withBasicAuth(Map.of(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
    }

    /** This configuration with {@code settings} for the store's Kafka producer, consumer and admin client. */
    public Config withKafkaClientSettings(Map<String, ?> settings) {
      return new Config(host, port, bootstrapServers, schemasTopic, tls, basicAuthUsers,
          settings == null ? Map.of() : Map.copyOf(settings), replicationFactor, minInsyncReplicas);
    }

    /** This configuration creating the schemas topic with {@code factor} replicas (-1: the broker's default). */
    public Config withReplicationFactor(short factor) {
      return new Config(host, port, bootstrapServers, schemasTopic, tls, basicAuthUsers, kafkaClientSettings,
          factor, minInsyncReplicas);
    }

    /** This configuration creating the schemas topic with min.insync.replicas={@code replicas}. */
    public Config withMinInsyncReplicas(int replicas) {
      return new Config(host, port, bootstrapServers, schemasTopic, tls, basicAuthUsers, kafkaClientSettings,
          replicationFactor, OptionalInt.of(replicas));
    }

    /** Users and setting names only: the passwords and the settings' values (sasl.jaas.config) stay out of logs. */
    @Override
    public String toString() {
      return "Config[host=" + host + ", port=" + port + ", bootstrapServers=" + bootstrapServers
          + ", schemasTopic=" + schemasTopic + ", tls=" + tls
          + ", basicAuthUsers=" + new TreeSet<>(basicAuthUsers.keySet())
          + ", kafkaClientSettings=" + new TreeSet<>(kafkaClientSettings.keySet())
          + ", replicationFactor=" + replicationFactor + ", minInsyncReplicas=" + minInsyncReplicas + "]";
    }

    private static void requireUserName(String user) {
      if (user.isEmpty() || user.indexOf(':') >= 0) {
        throw new IllegalArgumentException("basic auth user names must be non-empty and without ':', was '"
            + user + "'");
      }
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
    String scheme = http instanceof HttpsServer ? "https://" : "http://";
    this.url = scheme + shownHost + ":" + http.getAddress().getPort();
  }

  /**
   * Loads the server certificate if any, opens the store (replaying the topic if Kafka-backed) and starts serving.
   */
  public static SchemaRegistryServer start(Config config) {
    Objects.requireNonNull(config, "config");
    // Before the store: a key store that does not open should not cost a topic replay first.
    SSLContext tls = config.tls() == null ? null : config.tls().sslContext();
    SchemaStore store = config.bootstrapServers() == null ? new InMemorySchemaStore() : KafkaSchemaStore.open(config);
    HttpServer http;
    try {
      http = listen(new InetSocketAddress(config.host(), config.port()), tls);
    } catch (BindException e) {
      store.close();
      throw new IllegalStateException("port " + config.port() + " is already in use (Schema Registry)", e);
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException("Cannot listen on " + config.host() + ":" + config.port(), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads());
    HttpContext context = http.createContext("/", new Router(new SchemaRegistryService(store), MAX_REQUEST_BYTES));
    if (!config.basicAuthUsers().isEmpty()) {
      context.getFilters().add(new BasicAuthFilter(config.basicAuthUsers()));
    }
    http.setExecutor(executor);
    http.start();
    SchemaRegistryServer server = new SchemaRegistryServer(http, executor, store, config.host());
    LOG.info("schema registry started url={} auth={} store={}", server.url,
        config.basicAuthUsers().isEmpty() ? "none" : "basic users=" + config.basicAuthUsers().size(),
        config.bootstrapServers() == null ? "memory" : "kafka topic=" + config.schemasTopic()
            + " bootstrapServers=" + config.bootstrapServers());
    return server;
  }

  private static HttpServer listen(InetSocketAddress address, SSLContext tls) throws IOException {
    if (tls == null) {
      return HttpServer.create(address, 0);
    }
    HttpsServer https = HttpsServer.create(address, 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    return https;
  }

  /** Base URL for clients, e.g. "http://localhost:8081", or "https://localhost:8081" with TLS. */
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
