package io.newsflow.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.streams.NewsflowTopology;
import io.newsflow.streams.config.BoundedRocksDbConfig;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One instance of the streams app with its operator API, built as StreamsApp builds the app (same topology
 * and Kafka Streams properties), plus a small HTTP client for the tests that sends the instance's own
 * credentials when authentication is on.
 */
final class ApiInstance implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final KafkaStreams streams;
  final ApiServer server;
  final ApiConfig config;

  private ApiInstance(KafkaStreams streams, ApiServer server, ApiConfig config) {
    this.streams = streams;
    this.server = server;
    this.config = config;
  }

  /** Starts an instance of application {@code applicationId} with its state in {@code stateDir}. */
  static ApiInstance start(String bootstrapServers, String registryUrl, String applicationId, Path stateDir) {
    return start(bootstrapServers, registryUrl, applicationId, stateDir, Map.of());
  }

  /** As {@link #start(String, String, String, Path)}, with {@code extra} settings (newsflow.http.auth.*). */
  static ApiInstance start(String bootstrapServers, String registryUrl, String applicationId, Path stateDir,
      Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(extra);
    config.put("newsflow.trends.emit-interval", "PT0.2S");
    // As the demo: articles sent in file order over several partitions must not be late for their window.
    config.put("newsflow.trends.grace", "P1D");
    config.put(ApiConfig.PORT, "0");
    StreamsSettings settings = StreamsSettings.from(config);
    ApiConfig apiConfig = ApiConfig.from(config);
    Topics topics = new Topics(settings.topics(), Map.of("schema.registry.url", registryUrl));

    StreamsBuilder builder = new StreamsBuilder();
    NewsflowTopology.addTo(builder, settings, topics);
    OperatorApi api = OperatorApi.addStores(builder, topics, List.of(settings.trendWindow()));

    // As StreamsApp.streamsProperties, with a test commit interval and this instance's address.
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, apiConfig.applicationServer());

    KafkaStreams streams = new KafkaStreams(builder.build(props), props);
    ApiServer server = ApiServer.start(streams, api, apiConfig, props);
    streams.start();
    return new ApiInstance(streams, server, apiConfig);
  }

  HostInfo hostInfo() {
    return config.hostInfo();
  }

  /** The instance whose active partition of the articles store holds {@code id}. */
  HostInfo ownerOfArticle(String id) {
    return streams.queryMetadataForKey(OperatorApi.ARTICLES_STORE, id, Serdes.String().serializer()).activeHost();
  }

  /** GET with this instance's credentials, if it has any. */
  HttpResponse<String> get(String pathAndQuery) {
    return get(pathAndQuery, config.auth().authorization().orElse(null));
  }

  /** GET with {@code authorization} as the Authorization header; none when null. */
  HttpResponse<String> get(String pathAndQuery, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.port()
        + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET that must answer 200, read as JSON. */
  JsonNode json(String pathAndQuery) {
    HttpResponse<String> response = get(pathAndQuery);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    return parse(response.body());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    streams.close(CloseOptions.timeout(Duration.ofSeconds(30)));
  }
}
