package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.producer.id.ArticleIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowModeTest {

  @TempDir
  Path dir;

  private final CollectingSink sink = new CollectingSink();

  @Test
  void filesAppearingAndGrowingWhileFollowingAreEachSentOnce() throws IOException, InterruptedException {
    RunningProducer running = ProducerRun.toSink(() -> sink, "test")
        .withOptions(ProducerOptions.builder().follow(true).scanInterval(Duration.ofMillis(50)).build())
        .start(ProducerInputs.files(List.of(dir)));

    Path lines = dir.resolve("wire.jsonl");
    Files.writeString(lines, json("a1", "첫째") + json("a2", "둘째"));
    awaitSent(2);
    append(lines, json("a3", "셋째"));
    awaitSent(3);
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/article.json"), "{\"id\": \"doc\", \"body\": \"문서 본문\"}");
    awaitSent(4);
    Files.writeString(dir.resolve("portal.txt"), "경제\n\n제목\n\n본문");
    awaitSent(5);
    // A writer that flushes half a line: the half is not read as a line of its own.
    append(lines, "{\"id\": \"a4\", ");
    append(lines, "\"body\": \"넷째\"}\n");
    awaitSent(6);
    ProducerSummary summary = running.stopAndAwait();

    assertThat(sink.ids()).containsExactly("a1", "a2", "a3", "doc", ArticleIds.contentId("경제\n\n제목\n\n본문"), "a4");
    assertThat(sink.sent).filteredOn(article -> article.getId().startsWith("a"))
        .extracting(article -> article.getAttributes().get("source.line")).containsExactly("1", "2", "3", "4");
    assertThat(summary.failures()).isEmpty();
    assertThat(summary.recordsSkipped()).isZero();
  }

  @Test
  void directoryThatAppearsLaterIsFollowedOnceItExists() throws IOException, InterruptedException {
    Path later = dir.resolve("later");
    RunningProducer running = ProducerRun.toSink(() -> sink, "test")
        .withOptions(ProducerOptions.builder().follow(true).scanInterval(Duration.ofMillis(50)).build())
        .start(ProducerInputs.files(List.of(later)));
    await().atMost(Duration.ofSeconds(5)).until(() -> running.progress().failures() == 1);

    Files.createDirectories(later);
    Files.writeString(later.resolve("a.jsonl"), json("x", "본문"));
    awaitSent(1);
    ProducerSummary summary = running.stopAndAwait();

    assertThat(summary.failures()).containsExactly(new Failure(later.toString(), "no such file or directory"));
    assertThat(sink.ids()).containsExactly("x");
  }

  private void awaitSent(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.sent.size() >= count);
    assertThat(sink.sent).hasSize(count);
  }

  private static String json(String id, String body) {
    return "{\"id\": \"" + id + "\", \"body\": \"" + body + "\"}\n";
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }
}
