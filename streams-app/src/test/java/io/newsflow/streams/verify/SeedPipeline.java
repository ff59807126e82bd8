package io.newsflow.streams.verify;

import io.newsflow.localstack.LocalStack;
import io.newsflow.producer.ProducerConfig;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.streams.StreamsApp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's seeds through the whole pipeline on the default topics, as {@code ./newsflow demo} runs it:
 * a local stack, news.raw with 3 partitions, the streams app, and the producer on {@code seeds/}. For the tests
 * of what other programs read off the topics afterwards (Confluent's client, the example consumer);
 * {@code produced} is what the producer reported for the seeds.
 */
public record SeedPipeline(LocalStack stack, StreamsApp app, ProducerSummary produced) implements AutoCloseable {

  /** Tests run in a module's directory, one below the repository's root. */
  public static final Path SEEDS = Path.of("..", "seeds");

  /**
   * Starts it all and sends the seeds; {@code settings} go to the app on top of its connection, state
   * directory and application id, with snapshots every 200 ms and the HTTP port chosen by the system.
   */
  public static SeedPipeline start(Path stateDir, String applicationId, Map<String, String> settings) {
    LocalStack stack = LocalStack.start(LocalStack.Config.forTests());
    StreamsApp app = null;
    try {
      stack.createTopics(Map.of("news.raw", 3));
      Map<String, String> config = new HashMap<>(Map.of(
          "bootstrap.servers", stack.bootstrapServers(),
          "schema.registry.url", stack.schemaRegistryUrl(),
          "state.dir", stateDir.toString(),
          "application.id", applicationId,
          "newsflow.trends.emit-interval", "PT0.2S",
          "newsflow.http.port", "0"));
      config.putAll(settings);
      app = StreamsApp.start(config);
      ProducerSummary produced = ProducerRun.sending(
          ProducerConfig.of(stack.bootstrapServers(), stack.schemaRegistryUrl())).run(List.of(SEEDS));
      return new SeedPipeline(stack, app, produced);
    } catch (RuntimeException | Error e) {
      new SeedPipeline(stack, app, null).close();
      throw e;
    }
  }

  @Override
  public void close() {
    // The app before the broker it talks to.
    try (LocalStack closingStack = stack; StreamsApp closingApp = app) {
      // closing is the point
    }
  }
}
