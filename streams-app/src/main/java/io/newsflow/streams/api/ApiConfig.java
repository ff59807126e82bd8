package io.newsflow.streams.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where the operator API listens and how peers reach it. {@code advertisedHost:port} is this instance's
 * {@code application.server}: other instances forward requests for keys held here to that address.
 *
 * @param host the address to bind (127.0.0.1 by default: without {@code auth} anyone who reaches the port may
 *     read the API)
 * @param port the port; 0 in {@link #from} picks a free one
 * @param advertisedHost the host name peers use; defaults to {@code host}, or this machine's name when
 *     {@code host} binds every interface
 * @param readyMaxLag the most records a ready instance may still have to read or restore; -1 turns the lag check
 *     off (ready means RUNNING)
 * @param auth the credentials every caller (peers included) must send; {@link ApiAuth#toString} masks them
 * @param rebalanceWait how long a request waits for the group to finish a rebalance (a partition moving, an owner
 *     gone) before it is answered 503
 */
public record ApiConfig(String host, int port, String advertisedHost, long readyMaxLag, ApiAuth auth,
    Duration rebalanceWait) {

  public static final String HOST = "newsflow.http.host";
  public static final String PORT = "newsflow.http.port";
  public static final String ADVERTISED_HOST = "newsflow.http.advertised-host";
  public static final String READY_MAX_LAG = "newsflow.http.ready-max-lag";
  /** A bearer token every request must carry ({@code Authorization: Bearer TOKEN}). */
  public static final String AUTH_TOKEN = "newsflow.http.auth.token";
  /** {@code user:password} every request must carry as HTTP basic authentication. */
  public static final String AUTH_BASIC = "newsflow.http.auth.basic";
  public static final String REBALANCE_WAIT_MS = "newsflow.http.rebalance-wait-ms";
  /** Every key read here, for the mapping of environment variables (NEWSFLOW_HTTP_PORT). */
  public static final List<String> KEYS = List.of(HOST, PORT, ADVERTISED_HOST, READY_MAX_LAG, AUTH_TOKEN,
      AUTH_BASIC, REBALANCE_WAIT_MS);

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_READY_MAX_LAG = 1000;
  /** Longer than a cooperative rebalance's two rounds take on a small group; shorter than a client's timeout. */
  public static final long DEFAULT_REBALANCE_WAIT_MS = 5000;

  public ApiConfig {
    require(host != null && !host.isBlank(), HOST + " must not be empty");
    require(port > 0 && port <= 65535, PORT + "=" + port + " is not a port (1-65535)");
    require(advertisedHost != null && !advertisedHost.isBlank(), ADVERTISED_HOST + " must not be empty");
    require(readyMaxLag >= -1, READY_MAX_LAG + " must be a number of records, or -1 for no lag check");
    require(auth != null, "auth must not be null; ApiAuth.none() for none");
    require(rebalanceWait != null && !rebalanceWait.isNegative(), REBALANCE_WAIT_MS + " must not be negative");
  }

  public static ApiConfig defaults() {
    return from(Map.of());
  }

  /** Reads the {@code newsflow.http.*} keys; other keys are ignored. Port 0 picks a free port now. */
  public static ApiConfig from(Map<String, String> config) {
    String host = config.getOrDefault(HOST, DEFAULT_HOST).trim();
    int port = integer(config, PORT, DEFAULT_PORT);
    require(port >= 0 && port <= 65535, PORT + "=" + port + " is not a port (0-65535)");
    String advertised = config.get(ADVERTISED_HOST);
    return new ApiConfig(host, port == 0 ? freePort(host) : port,
        advertised == null || advertised.isBlank() ? advertisedDefault(host) : advertised.trim(),
        integer(config, READY_MAX_LAG, DEFAULT_READY_MAX_LAG), ApiAuth.from(config),
        Duration.ofMillis(integer(config, REBALANCE_WAIT_MS, DEFAULT_REBALANCE_WAIT_MS)));
  }

  /** The value of Kafka Streams' {@code application.server} for this instance. */
  public String applicationServer() {
    return advertisedHost + ":" + port;
  }

  /** The dashboard's address, for people. */
  public String url() {
    return "http://" + advertisedHost + ":" + port + "/";
  }

  HostInfo hostInfo() {
    return new HostInfo(advertisedHost, port);
  }

  private static String advertisedDefault(String host) {
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(HOST + "=" + host + " binds every interface and this machine has no "
          + "resolvable name; set " + ADVERTISED_HOST, e);
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  private static int integer(Map<String, String> config, String key, long fallback) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      return Math.toIntExact(fallback);
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a whole number", e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
