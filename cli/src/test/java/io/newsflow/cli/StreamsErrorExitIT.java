package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.localstack.LocalStack;
import io.newsflow.streams.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow stream} exits 1, with the reason on one line, when Kafka Streams reaches ERROR, so that
 * docker-compose, systemd or Kubernetes restart it. A broker that dies does not get Kafka Streams there (it waits
 * the outage out, which README's operations section records), so the fault here is one it does not retry: its
 * source topic deleted under it (MissingSourceTopicException, which the app's handler answers SHUTDOWN_CLIENT).
 */
class StreamsErrorExitIT {

  @TempDir
  Path dir;

  @Test
  void streamExitsOneWithTheReasonWhenKafkaStreamsReachesError() throws Exception {
    try (LocalStack stack = LocalStack.start(LocalStack.Config.forTests())) {
      stack.createTopics(Map.of(TopicNames.RAW, 2));
      Path log = dir.resolve("stream.log");
      Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          StreamProcess.JAR.toAbsolutePath().toString(), "stream", "--bootstrap-servers", stack.bootstrapServers(),
          "--schema-registry-url", stack.schemaRegistryUrl(), "--http-port", "0", "-D",
          "state.dir=" + dir.resolve("state"), "-D", "application.id=newsflow-error-exit-it")
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        await("the app running").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("newsflow streams app running"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers()))) {
          admin.deleteTopics(List.of(TopicNames.RAW)).all().get();
        }

        assertThat(app.waitFor(3, TimeUnit.MINUTES)).as("stream exited; log:%n%s", Files.readString(log)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(app.exitValue()).as("exit code; log:%n%s", output).isEqualTo(1);
        assertThat(output).containsPattern("newsflow stream: stopped: Kafka Streams reached (PENDING_)?ERROR")
            .contains("MissingSourceTopicException");
      } finally {
        app.destroyForcibly();
      }
    }
  }
}
