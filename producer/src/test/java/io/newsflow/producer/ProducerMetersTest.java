package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What produce --http-port serves per source, counted by a run over a real directory and file into a sink. */
class ProducerMetersTest {

  @TempDir
  Path temp;

  @Test
  void countsAreKeptPerInputAndASendThatFailedCountsAsFailedAndAsASendError() throws IOException {
    Path wire = Files.createDirectories(temp.resolve("wire"));
    Files.writeString(wire.resolve("a.jsonl"), json("a1") + json("a2") + json("a3"));
    Path other = Files.writeString(temp.resolve("other.jsonl"), json("b1") + json("b1"));
    MeterRegistry registry = new SimpleMeterRegistry();
    long before = System.currentTimeMillis() / 1000;

    ProducerRun.toSink(() -> new CollectingSink().failingRetriably("a2"), "test")
        .withMeters(ProducerMeters.in(registry))
        .withOptions(ProducerOptions.builder().once(true).build())
        .run(ProducerInputs.files(List.of(wire, other)));

    String dir = FileFollower.sourceKey(wire);
    String file = FileFollower.sourceKey(other);
    assertThat(count(registry, "articles.read", dir)).isEqualTo(3);
    assertThat(count(registry, "articles.sent", dir)).isEqualTo(2);
    assertThat(count(registry, "articles.failed", dir)).isEqualTo(1);
    assertThat(registry.get("newsflow.producer.send.errors").tag("source", dir).tag("retriable", "true").counter()
        .count()).isEqualTo(1);
    assertThat(registry.get("newsflow.producer.send.errors").tag("source", file).tag("retriable", "true").counter()
        .count()).isZero();
    // The same id twice in one file: sent once, skipped once.
    assertThat(count(registry, "articles.read", file)).isEqualTo(2);
    assertThat(count(registry, "articles.sent", file)).isEqualTo(1);
    assertThat(count(registry, "articles.skipped", file)).isEqualTo(1);
    // A read with a failed send is not read through: only the other input has a last success.
    assertThat(lastSuccess(registry, dir)).isNaN();
    assertThat(lastSuccess(registry, file)).isBetween((double) before, System.currentTimeMillis() / 1000.0 + 1);
  }

  private static double count(MeterRegistry registry, String name, String source) {
    return registry.get("newsflow.producer." + name).tag("source", source).counter().count();
  }

  private static double lastSuccess(MeterRegistry registry, String source) {
    return registry.get("newsflow.producer.last.success.timestamp").tag("source", source).gauge().value();
  }

  private static String json(String id) {
    return "{\"id\": \"" + id + "\", \"body\": \"본문 " + id + "\"}\n";
  }
}
