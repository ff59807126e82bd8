package io.newsflow.streams.api;

import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A real API server over a Kafka Streams client that is never started (no broker needed): the routes that answer
 * without the stores (probes, /api/windows, /metrics, the documents) answer as in production.
 */
final class UnstartedApi implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final ApiServer server;
  private final KafkaStreams streams;

  private UnstartedApi(KafkaStreams streams, ApiServer server) {
    this.streams = streams;
    this.server = server;
  }

  /** A server with {@code settings} (newsflow.http.auth.*) on a free port, its client's state in {@code stateDir}. */
  static UnstartedApi start(Map<String, String> settings, Path stateDir) {
    Map<String, String> config = new HashMap<>(settings);
    config.put(ApiConfig.PORT, "0");
    ApiConfig apiConfig = ApiConfig.from(config);
    Topics topics = new Topics(TopicNames.defaults(),
        Map.of("schema.registry.url", "mock://unstarted-api-" + UUID.randomUUID()));
    StreamsBuilder builder = new StreamsBuilder();
    OperatorApi api = OperatorApi.addStores(builder, topics, List.of(Duration.ofHours(1)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "unstarted-api-test");
    // Resolvable but closed: the client is built and never connects.
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, apiConfig.applicationServer());
    KafkaStreams streams = new KafkaStreams(builder.build(props), props);
    return new UnstartedApi(streams, ApiServer.start(streams, api, apiConfig, props));
  }

  /** GET with {@code authorization} as the Authorization header; none when null. */
  HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("GET " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
    streams.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
