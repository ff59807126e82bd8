package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.streams.verify.Oracle;
import io.newsflow.streams.verify.PipelineRun;
import io.newsflow.streams.verify.SyntheticNews;
import io.newsflow.streams.verify.TopicOffsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow local} as a child process, SIGKILLed and restarted on the same data directory twice: once
 * while {@code newsflow produce} (a child process too) is sending, once while {@code newsflow stream} is
 * working. The producer blocks, resumes and exits 0 having written every record exactly once (news.raw holds
 * as many records as the input, idempotence absorbing the retries); the app recovers without a hand; the
 * final notices and counts equal the oracle's.
 */
class BrokerRestartIT {

  private static final Instant START = Instant.parse("2025-09-01T00:00:00Z");

  @TempDir
  Path dir;

  private LocalStackProcess broker;

  @Test
  void brokerKilledDuringProduceAndDuringStreamingLosesAndDoublesNothing() throws Exception {
    assertThat(StreamProcess.JAR).exists();
    broker = new LocalStackProcess(dir);
    broker.start();
    String bootstrap = broker.bootstrapServers();
    String registry = broker.registryUrl();
    Path input = Files.createDirectories(dir.resolve("input"));
    List<RawArticle> generated = SyntheticNews.generate(900, 5, START, Duration.ofDays(3));
    NewswireFile.write(generated, input.resolve("newswire.jsonl"));
    PipelineRun run = new PipelineRun("restart", bootstrap, registry, 3);
    run.config().put("num.stream.threads", "2");
    // A producer run sends an id once (a record read again is the same item), so the oracle gets each id once.
    Map<String, RawArticle> sent = new LinkedHashMap<>();
    ArticleSource.of(List.of(input)).readAll().articles().forEach(a -> sent.putIfAbsent(a.getId(), a));
    List<RawArticle> read = new ArrayList<>(sent.values());
    Oracle.Plan expected = run.expected(read);

    StreamProcess app = new StreamProcess(dir.resolve("app"), bootstrap, registry, run.config()).start();
    try (TopicOffsets offsets = new TopicOffsets(bootstrap)) {
      await().atMost(Duration.ofMinutes(1)).until(() -> offsets.written(run.rawTopic()) >= 0);
      Process produce = new ProcessBuilder(LocalStackProcess.java(), "-jar", StreamProcess.JAR.toAbsolutePath().toString(),
          "produce", "--bootstrap-servers", bootstrap, "--schema-registry-url", registry, "--topic",
          run.rawTopic(), "--no-state", "--no-progress", "--rate", "60", input.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("produce.log").toFile()).start();
      await().atMost(Duration.ofMinutes(1)).until(() -> offsets.written(run.rawTopic()) >= 200);
      broker.kill();
      broker.start();
      assertThat(produce.waitFor(5, TimeUnit.MINUTES)).as("produce finished").isTrue();
      assertThat(produce.exitValue()).as(Files.readString(dir.resolve("produce.log"))).isZero();
      assertThat(offsets.written(run.rawTopic())).as("records on news.raw").isEqualTo(read.size());

      String progress = run.config().get("application.id") + "-dedup-by-item-repartition";
      long before = offsets.written(progress);
      await().atMost(Duration.ofMinutes(2)).until(() -> offsets.written(progress) >= before + 300);
      broker.kill();
      broker.start();

      run.awaitEqual(expected, Duration.ofMinutes(5));
      assertThat(app.process().isAlive()).as("the app recovered by itself").isTrue();
    } finally {
      app.stop();
      if (broker != null) {
        broker.stop();
      }
      keepLogs();
    }
  }

  /** The child processes' logs outlive the temporary directory, for a failure to be read afterwards. */
  private void keepLogs() throws IOException {
    ItLogs.keep(getClass(), List.of(dir.resolve("local.log"), dir.resolve("produce.log"), dir.resolve("app/stream.log")));
  }
}
