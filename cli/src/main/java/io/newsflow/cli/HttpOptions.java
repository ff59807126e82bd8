package io.newsflow.cli;

import io.newsflow.streams.api.ApiConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * Where the streams app serves its REST API, dashboard and /metrics. The flags override the
 * {@code newsflow.http.*} settings of the other configuration layers.
 */
final class HttpOptions {

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Port of the dashboard, REST API and /metrics (default: 8080; 0 picks a free port).")
  Integer port;

  @Option(names = "--http-host", paramLabel = "HOST",
      description = "Address they listen on (default: 127.0.0.1, this machine only).")
  String host;

  /**
   * {@code config} with these flags applied and the port resolved (0 becomes a free port), so that the address
   * printed is the one served. Fails with one line naming the port when it is taken.
   */
  Map<String, String> applyTo(Map<String, String> config) {
    Map<String, String> applied = new TreeMap<>(config);
    if (host != null) {
      applied.put(ApiConfig.HOST, host);
    }
    if (port != null) {
      applied.put(ApiConfig.PORT, String.valueOf(port));
    }
    ApiConfig api = ApiConfig.from(applied);
    applied.put(ApiConfig.PORT, String.valueOf(api.port()));
    ensureFree(api);
    return applied;
  }

  private static void ensureFree(ApiConfig api) {
    try (ServerSocket probe = new ServerSocket(api.port(), 1, InetAddress.getByName(api.host()))) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException("port " + api.port() + " is already in use (dashboard); choose another with "
          + "--http-port", e);
    }
  }
}
