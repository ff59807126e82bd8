package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  @Test
  void oversizedItemIsReportedOnceAndTheOthersStillGo() throws IOException {
    Path file = Files.writeString(temp.resolve("a.jsonl"),
        "{\"id\": \"small\", \"body\": \"짧다\"}\n{\"id\": \"big\", \"body\": \"" + "가".repeat(100) + "\"}\n");
    CollectingSink sink = new CollectingSink();

    ProducerSummary summary = ProducerRun.toSink(() -> sink, "test")
        .withOptions(ProducerOptions.builder().maxItemBytes(300).build())
        .run(List.of(file));

    assertThat(sink.ids()).containsExactly("small");
    assertThat(summary.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.origin()).isEqualTo(file + ":2");
      assertThat(failure.reason()).matches("item is \\d+ bytes, over the cap of 300 bytes \\(--max-item-bytes\\); not sent");
    });
  }

  @Test
  void defaultItemCapIsOneMegabyte() {
    assertThat(ProducerOptions.defaults().maxItemBytes()).isEqualTo(1_048_576);
  }

  @Test
  void rateCapSpacesTheRecordsOverTime() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      lines.append("{\"id\": \"r").append(i).append("\", \"body\": \"본문\"}\n");
    }
    Path file = Files.writeString(temp.resolve("r.jsonl"), lines);
    List<Long> sentAt = new CopyOnWriteArrayList<>();

    ProducerRun.dryRun().withDryRunOutput(record -> sentAt.add(System.nanoTime()))
        .withOptions(ProducerOptions.builder().rate(20).build())
        .run(List.of(file));

    // 20 per second: at least 50 ms between two records, so 250 ms from the first to the sixth.
    assertThat(sentAt).hasSize(6);
    assertThat(Duration.ofNanos(sentAt.get(5) - sentAt.get(0)).toMillis()).isGreaterThanOrEqualTo(249);
  }

  @Test
  void stdinJsonLinesAreReadLineByLineInUtf8OrCp949() {
    byte[] utf8 = "{\"id\": \"u\", \"body\": \"유니코드\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] cp949 = "{\"id\": \"c\", \"body\": \"완성형\"}\n".getBytes(Charset.forName("MS949"));
    byte[] bad = "not json\n".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(utf8);
    in.writeBytes(cp949);
    in.writeBytes(bad);
    List<RawArticle> printed = new CopyOnWriteArrayList<>();

    ProducerSummary summary = ProducerRun.dryRun().withDryRunOutput(printed::add)
        .withStdin(new ByteArrayInputStream(in.toByteArray()))
        .run(new ProducerInputs(List.of(), List.of(), true));

    assertThat(printed).extracting(RawArticle::getId, RawArticle::getBody, RawArticle::getSource)
        .containsExactly(tuple("u", "유니코드", "stdin"), tuple("c", "완성형", "stdin"));
    assertThat(printed.get(1).getAttributes()).containsEntry("source.charset", "CP949").containsEntry("source.line", "2");
    assertThat(summary.failures()).extracting(Failure::origin).containsExactly("stdin:3");
  }

  @Test
  void dryRunRecordIsPrintedAsOneJsonLine() throws IOException {
    Files.writeString(temp.resolve("a.jsonl"), "{\"id\": \"one\", \"title\": \"제목\", \"body\": \"본문\","
        + " \"url\": \"https://example.org/a\", \"publishedAt\": \"2025-03-01T09:00:00+09:00\"}\n");
    Instant now = Instant.parse("2025-03-01T00:00:00Z");
    List<String> lines = new CopyOnWriteArrayList<>();

    ProducerRun.dryRun().withClockAndHost(Clock.fixed(now, ZoneOffset.UTC), "h")
        .withDryRunOutput(record -> lines.add(RecordJson.toJson(record)))
        .run(List.of(temp));

    assertThat(lines).containsExactly("{\"id\":\"one\",\"source\":\"file:" + temp.resolve("a.jsonl")
        + "\",\"url\":\"https://example.org/a\",\"contentType\":\"application/json\",\"title\":\"제목\","
        + "\"body\":\"본문\",\"publishedAt\":\"2025-03-01T00:00:00Z\",\"fetchedAt\":\"2025-03-01T00:00:00Z\","
        + "\"attributes\":{\"producer.host\":\"h\",\"source.format\":\"jsonl\",\"source.line\":\"1\","
        + "\"source.path\":\"" + temp.resolve("a.jsonl") + "\"}}");
  }
}
