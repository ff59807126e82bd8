package io.newsflow.streams.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.RawArticle;
import io.newsflow.registry.server.SchemaRegistryServer;
import io.newsflow.streams.StreamsApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's schema registry is down when it starts: records that need it are neither dead-lettered nor lost;
 * the stream threads retry (they are replaced) until a registry answers on that address, then everything comes
 * out. The registry going away again mid-run does not stop the app (schemas are cached by id): articles keep
 * coming out while it is gone. Equal to the oracle, and news.dlq stays empty.
 */
class RegistryOutageIT {

  @RegisterExtension
  static final LocalStackExtension stack = new LocalStackExtension();

  @TempDir
  Path stateDir;

  @Test
  void recordsWaitForTheRegistryInsteadOfBeingDeadLettered() throws IOException {
    int port = freePort();
    List<RawArticle> input = SyntheticNews.generate(300, 9, Instant.parse("2025-04-01T00:00:00Z"), Duration.ofDays(2));
    List<RawArticle> first = input.subList(0, 200);
    List<RawArticle> second = input.subList(200, input.size());
    PipelineRun run = new PipelineRun("registry", stack.bootstrapServers(), stack.schemaRegistryUrl(), 3);
    run.config().put("state.dir", stateDir.toString());
    run.config().put("schema.registry.url", "http://localhost:" + port);
    Oracle.Plan expected = run.expected(input);

    try (StreamsApp app = StreamsApp.start(run.config())) {
      run.produce(first);
      // A thread failed on the missing registry and was replaced: its successor has a higher number.
      await().atMost(Duration.ofMinutes(1)).until(() -> app.streams().metadataForLocalThreads().stream()
          .map(ThreadMetadata::threadName).anyMatch(name -> name.matches(".*StreamThread-([2-9]|\\d\\d+)$")));
      assertThat(deadLetters(run)).isZero();

      SchemaRegistryServer registry = startRegistry(port);
      run.awaitEqual(run.expected(first), Duration.ofMinutes(2));
      registry.close();

      // Gone mid-run: the app goes on with the schemas it has cached by id.
      long published = written(run.config().get("newsflow.topic.articles"));
      run.produce(second);
      await().atMost(Duration.ofMinutes(1))
          .until(() -> written(run.config().get("newsflow.topic.articles")) > published);
      registry = startRegistry(port);
      try {
        run.awaitEqual(expected, Duration.ofMinutes(2));
      } finally {
        registry.close();
      }
      assertThat(deadLetters(run)).isZero();
    }
  }

  /** A registry on the app's address, on the local stack's schemas topic: it knows every schema written there. */
  private static SchemaRegistryServer startRegistry(int port) {
    return SchemaRegistryServer.start(new SchemaRegistryServer.Config("localhost", port, stack.bootstrapServers(),
        "_schemas"));
  }

  private static long deadLetters(PipelineRun run) {
    return written(run.config().get("newsflow.topic.dlq"));
  }

  /** Records written to a topic so far, uncommitted ones and transaction markers included. */
  private static long written(String topic) {
    try (TopicOffsets offsets = new TopicOffsets(stack.bootstrapServers())) {
      return offsets.written(topic);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
