package io.newsflow.streams.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.RawArticle;
import io.newsflow.registry.serde.AvroSerde;
import io.newsflow.streams.config.StreamsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One run of the pipeline on its own topics and application id, on a real broker: its configuration, a
 * producer for its news.raw, and the wait until its topics equal the oracle. Shared by the order, crash and
 * restart tests.
 */
public final class PipelineRun {

  private final String bootstrapServers;
  private final String registryUrl;
  private final Map<String, String> config = new HashMap<>();

  /**
   * A run named {@code name}: topics {@code name.news.*}, application id {@code newsflow-name}, one-day and
   * one-hour windows that close only at the end (a replay's grace), commits every 100 ms.
   */
  public PipelineRun(String name, String bootstrapServers, String registryUrl, int partitions) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
    config.put("bootstrap.servers", bootstrapServers);
    config.put("schema.registry.url", registryUrl);
    config.put("application.id", "newsflow-" + name);
    config.put("commit.interval.ms", "100");
    config.put("newsflow.topic.partitions", Integer.toString(partitions));
    config.put("newsflow.trends.windows", "PT1H,P1D");
    config.put("newsflow.trends.grace", "P3650D");
    config.put("newsflow.trends.idle-close", "P3650D");
    config.put("newsflow.trends.emit-interval", "PT0.2S");
    config.put("newsflow.trends.top-n", "100");
    config.put("newsflow.http.port", "0");
    for (String topic : List.of("raw", "articles", "duplicates", "trends", "dlq", "keyword-model",
        "keyword-decisions")) {
      config.put("newsflow.topic." + topic, name + ".news." + topic);
    }
  }

  /** The streams app's configuration; add to it before starting the app. */
  public Map<String, String> config() {
    return config;
  }

  public String rawTopic() {
    return config.get("newsflow.topic.raw");
  }

  /** Writes {@code articles} to this run's news.raw in that order, keyed by id, as the producer does. */
  public void produce(List<RawArticle> articles) {
    try (KafkaProducer<String, RawArticle> producer = producer(Duration.ofMinutes(2))) {
      articles.forEach(a -> producer.send(new ProducerRecord<>(rawTopic(), a.getId(), a)));
      producer.flush();
    }
  }

  /**
   * Writes {@code articles} at about {@code perSecond} records a second, in the background, so that the app has
   * work all along a test's faults; the future completes when all are acknowledged.
   */
  public CompletableFuture<Void> produceAtRate(List<RawArticle> articles, int perSecond) {
    return CompletableFuture.runAsync(() -> {
      try (KafkaProducer<String, RawArticle> producer = producer(Duration.ofMinutes(10))) {
        long startNanos = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
          long due = startNanos + i * 1_000_000_000L / perSecond;
          LockSupport.parkNanos(due - System.nanoTime());
          RawArticle a = articles.get(i);
          producer.send(new ProducerRecord<>(rawTopic(), a.getId(), a));
        }
        producer.flush();
      }
    });
  }

  /** A producer of news.raw records configured as newsflow's own: acks=all, one request in flight. */
  private KafkaProducer<String, RawArticle> producer(Duration deliveryTimeout) {
    AvroSerde<RawArticle> values = new AvroSerde<>(RawArticle.class);
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        // As the newsflow producer: see ArticlePublisher for the out-of-order retry more in flight allow.
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis()),
        new StringSerializer(), values.serializer());
  }

  /**
   * The oracle's verdicts for {@code input} under this run's settings; its counts follow from the keyword model
   * versions the pipeline's articles record ({@link #awaitEqual}).
   */
  public Oracle.Plan expected(List<RawArticle> input) {
    return Oracle.plan(input, StreamsSettings.from(config), System.currentTimeMillis());
  }

  /** The keyword model versions on this run's topics and which articles used them. */
  public ModelHistory modelHistory() {
    return PipelineOutput.readModels(Map.of("bootstrap.servers", bootstrapServers),
        Map.of("schema.registry.url", config.get("schema.registry.url")), StreamsSettings.from(config).topics(),
        Duration.ofSeconds(30));
  }

  /**
   * Waits until this run's topics show no difference from the oracle, which replays every article with the
   * keyword model version it recorded; fails with the differences (and any gap in the model's versions).
   */
  public PipelineResult awaitEqual(Oracle.Plan expected, Duration atMost) {
    StreamsSettings settings = StreamsSettings.from(config);
    Map<String, Object> clients = Map.of("bootstrap.servers", bootstrapServers);
    // Read through the app's registry: the output schemas are registered there.
    Map<String, Object> serde = Map.of("schema.registry.url", config.get("schema.registry.url"));
    AtomicReference<PipelineResult> last = new AtomicReference<>();
    AtomicReference<List<String>> differences = new AtomicReference<>(List.of("nothing read yet"));
    try {
      await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
        ModelHistory history = PipelineOutput.readModels(clients, serde, settings.topics(), Duration.ofSeconds(30));
        last.set(PipelineOutput.read(clients, serde, settings.topics(), Duration.ofSeconds(30)));
        List<String> found = new ArrayList<>(history.problems());
        found.addAll(Differences.between(expected.expected(history).result(), last.get()));
        differences.set(found);
        return found.isEmpty();
      });
    } catch (ConditionTimeoutException e) {
      assertThat(differences.get()).as("differences from the oracle after %s", atMost).isEmpty();
    }
    return last.get();
  }
}
