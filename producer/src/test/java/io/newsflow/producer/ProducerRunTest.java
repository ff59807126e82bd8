package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerRunTest {

  @TempDir
  Path temp;

  @Test
  void dryRunReturnsTheRecordsAndFailuresWithoutSending() throws IOException {
    Files.writeString(temp.resolve("a.jsonl"), "{\"id\": \"one\", \"body\": \"첫째\"}\n{\"id\": \"two\"}\n");
    Files.writeString(temp.resolve("b.txt"), "경제\n\n제목\n");
    Instant now = Instant.parse("2025-03-01T00:00:00Z");

    ProducerRun run = ProducerRun.dryRun().withClockAndHost(Clock.fixed(now, ZoneOffset.UTC), "h");

    ProducerSummary summary = run.run(List.of(temp));

    assertThat(summary.dryRun()).isTrue();
    assertThat(summary.filesRead()).isEqualTo(2);
    assertThat(summary.recordsRead()).isEqualTo(2);
    assertThat(summary.recordsSent()).isZero();
    assertThat(summary.records()).extracting(RawArticle::getId)
        .containsExactly("one", "sha256:5e253362d7b9eca48c4739f55721161b");
    assertThat(summary.records()).extracting(RawArticle::getFetchedAt).containsOnly(now);
    assertThat(summary.failures()).containsExactly(new Failure(temp.resolve("a.jsonl") + ":2",
        "missing body (expected a non-empty body, content or text field)"));
    assertThat(summary.format()).isEqualTo("dry run: files: 2, records read: 2 (not sent), failures: 1\n  "
        + temp.resolve("a.jsonl") + ":2: missing body (expected a non-empty body, content or text field)");
  }

  @Test
  void unreachableClusterStopsTheRunAfterTheFirstTimeoutInsteadOfWaitingOncePerRecord() throws IOException {
    Files.writeString(temp.resolve("a.jsonl"),
        "{\"id\": \"one\", \"body\": \"첫째\"}\n{\"id\": \"two\", \"body\": \"둘째\"}\n");
    Files.writeString(temp.resolve("b.txt"), "경제\n\n제목\n");
    ProducerConfig nowhere = ProducerConfig.builder()
        .bootstrapServers("localhost:1")
        .schemaRegistryUrl("mock://producer-run-test")
        .property("max.block.ms", 300)
        .build();

    ProducerSummary summary = ProducerRun.sending(nowhere).run(List.of(temp));

    assertThat(summary.filesRead()).isEqualTo(1);
    assertThat(summary.recordsRead()).isEqualTo(2);
    assertThat(summary.recordsSent()).isZero();
    String timeout = "send failed: TimeoutException: Topic news.raw not present in metadata after 300 ms.";
    assertThat(summary.failures()).containsExactly(
        new Failure(temp.resolve("a.jsonl") + ":1", timeout),
        new Failure("topic news.raw", "run stopped, remaining inputs not read: " + timeout));
  }
}
