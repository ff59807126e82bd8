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

    ProducerSummary summary = ProducerRun.dryRun().withClockAndHost(Clock.fixed(now, ZoneOffset.UTC), "h").run(List.of(temp));

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
}
