package io.newsflow.streams;

import io.newsflow.registry.client.SchemaRegistryException;
import io.newsflow.registry.serde.AvroSerdeConfig;
import io.newsflow.streams.api.ApiConfig;
import io.newsflow.streams.api.ApiServer;
import io.newsflow.streams.api.OperatorApi;
import io.newsflow.streams.config.BoundedRocksDbConfig;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.support.EagerCommit;
import io.newsflow.streams.support.RegistryOutage;
import io.newsflow.streams.support.TransactionFailure;
import io.newsflow.streams.topics.TopicReplication;
import io.newsflow.streams.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the newsflow topology: wires configuration, creates the output topics, starts Kafka Streams and
 * stops it cleanly. Anything unexpected shuts the client down; records a stage rejects go to news.dlq instead.
 */
public final class StreamsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  /** The commit interval unless the configuration sets {@code commit.interval.ms}; see streamsProperties. */
  public static final String DEFAULT_COMMIT_INTERVAL_MS = "1000";
  /** How long closing may take in all, within the 10 s before an orchestrator's SIGKILL. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(8);

  /** The pause before a stream thread retries a record that found the schema registry down. */
  static final Duration REGISTRY_RETRY = Duration.ofSeconds(2);

  private final KafkaStreams streams;
  private final ApiServer api;
  private final StreamsStop stop;

  private StreamsApp(KafkaStreams streams, ApiServer api, StreamsStop stop) {
    this.streams = streams;
    this.api = api;
    this.stop = stop;
  }

  /**
   * Starts the app. {@code config} holds Kafka Streams properties, {@code schema.registry.url} and the
   * {@code newsflow.*} settings; see {@link StreamsSettings}. Defaults: exactly-once v2 committing every
   * second, state under .newsflow/streams-state, RocksDB memory bounded by {@link BoundedRocksDbConfig}; any
   * Kafka Streams key overrides them, e.g. {@code num.standby.replicas=1} to keep a warm copy of every store on
   * another instance.
   */
  public static StreamsApp start(Map<String, String> config) {
    StreamsSettings settings = StreamsSettings.from(config);
    ApiConfig apiConfig = ApiConfig.from(config);
    Properties props = streamsProperties(config);
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, apiConfig.applicationServer());
    Topics topics = new Topics(settings.topics(), serdeConfig(config));
    OutputTopics.create(props, settings.topics(), config);

    StreamsBuilder builder = new StreamsBuilder();
    NewsflowTopology.addTo(builder, settings, topics);
    OperatorApi operatorApi = OperatorApi.addStores(builder, topics, List.of(settings.trendWindow()));
    Topology topology = builder.build();
    LOG.info("topology:\n{}", topology.describe());
    KafkaStreams streams = StreamsSettings.commitWhenCaughtUp(config)
        ? new KafkaStreams(topology, props, new EagerCommit())
        : new KafkaStreams(topology, props);
    StreamsStop stop = new StreamsStop();
    streams.setUncaughtExceptionHandler(e -> {
      StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse response = onUncaught(e);
      if (response == StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT) {
        stop.error(e);
      }
      return response;
    });
    streams.setStateListener((now, before) -> {
      LOG.info("event=state-change from={} to={}", before, now);
      stop.onChange(now, before);
    });
    ApiServer api;
    try {
      api = ApiServer.start(streams, operatorApi, apiConfig, props);
    } catch (RuntimeException e) {
      streams.close();
      throw e;
    }
    try {
      streams.start();
    } catch (RuntimeException e) {
      api.close();
      streams.close();
      throw e;
    }
    return new StreamsApp(streams, api, stop);
  }

  /**
   * A registry that does not answer (down, restarting, unreachable) is an outage, not bad input: the record
   * that needed it must neither be dead-lettered nor stop the app. The thread is replaced after a pause and
   * resumes from its last commit (exactly-once: nothing is lost or doubled), until the registry answers again.
   * A transaction the broker refused to commit because it had already aborted it ({@link TransactionFailure})
   * is met the same way. Anything else unexpected shuts the client down rather than skipping records silently.
   */
  static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaught(Throwable e) {
    SchemaRegistryException outage = RegistryOutage.of(e);
    if (outage != null) {
      LOG.warn("event=schema-registry-unavailable action=replace-thread retryIn={} reason=\"{}\"",
          REGISTRY_RETRY, outage.getMessage());
      pause();
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    Throwable transaction = TransactionFailure.of(e);
    if (transaction != null) {
      LOG.warn("event=transaction-refused action=replace-thread retryIn={} reason=\"{}: {}\"", REGISTRY_RETRY,
          transaction.getClass().getSimpleName(), transaction.getMessage());
      pause();
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOG.error("event=unexpected-error action=shutdown-client", e);
    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  /** A pause before the replacement thread starts, so that an outage is not met with a busy loop. */
  private static void pause() {
    try {
      Thread.sleep(REGISTRY_RETRY.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The address of the dashboard and REST API. */
  public String url() {
    return api.url();
  }

  public KafkaStreams streams() {
    return streams;
  }

  /**
   * Completes with a one-line reason when Kafka Streams stops by itself (ERROR, or a shutdown nobody asked
   * for), so that the command running the app can exit non-zero; never completes after {@link #close()}.
   */
  public CompletableFuture<String> stopped() {
    return stop.reason();
  }

  @Override
  public void close() {
    stop.closing();
    // Within the 10 s an orchestrator (or a person at Ctrl-C) gives before SIGKILL; a clean close commits first.
    // The API closes beside Kafka Streams, not before it: its lag client may wait up to 5 s for requests in
    // flight, and Kafka Streams up to 8 s for a commit or for a rebalance it joined just before the signal (an
    // instance restarted within the old one's session timeout), so one after the other could take 13 s.
    Thread apiClose = new Thread(api::close, "newsflow-api-close");
    apiClose.setDaemon(true);
    apiClose.start();
    long start = System.nanoTime();
    streams.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    long left = CLOSE_TIMEOUT.toMillis() - Duration.ofNanos(System.nanoTime() - start).toMillis();
    try {
      apiClose.join(Math.max(1, left));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Properties streamsProperties(Map<String, String> config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // Exactly-once commits every 100 ms by default: a transaction with markers on every partition a thread
    // writes (three repartition topics, a dozen changelogs, four outputs) and a flush of every store cache,
    // ten times a second. Once a second cuts the broker's work per article by about a third and lets the
    // caches merge more writes. The price: up to a second more per repartition hop before results are visible
    // to read_committed readers. commit.interval.ms in the configuration overrides it.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
    props.put(StreamsConfig.STATE_DIR_CONFIG, ".newsflow/streams-state");
    // One capped block cache and write buffer budget for every store, sized by newsflow.rocksdb.*.
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
    config.forEach((key, value) -> {
      if (!key.startsWith(StreamsSettings.PREFIX)) {
        props.put(key, value);
      }
    });
    // The config setter reads its sizes from the Streams configuration it is handed.
    for (String key : new String[] {StreamsSettings.BLOCK_CACHE, StreamsSettings.WRITE_BUFFERS}) {
      if (config.containsKey(key)) {
        props.put(key, config.get(key));
      }
    }
    TopicReplication.from(config).applyTo(props);
    require(config, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    return props;
  }

  /** What every serde of the topology gets: the registry client's settings (auth, TLS) and the shared serde ones. */
  static Map<String, Object> serdeConfig(Map<String, String> config) {
    require(config, AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    return AvroSerdeConfig.serdeSettings(config);
  }

  private static String require(Map<String, String> config, String key) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is not set");
    }
    return value;
  }
}
