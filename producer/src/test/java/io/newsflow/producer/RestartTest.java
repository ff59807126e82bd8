package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restarted producer sends, given the state file the previous run left. */
class RestartTest {

  @TempDir
  Path temp;

  @Test
  void restartSendsNothingAlreadySentThenOnlyWhatIsNew() throws IOException {
    Path news = Files.createDirectories(temp.resolve("news"));
    Path lines = Files.writeString(news.resolve("wire.jsonl"), json("a1") + json("a2"));
    Files.writeString(news.resolve("doc.json"), "[{\"id\": \"d1\", \"body\": \"본문\"}]");

    CollectingSink first = new CollectingSink();
    ProducerSummary one = run(first, news);
    CollectingSink second = new CollectingSink();
    ProducerSummary two = run(second, news);
    Files.writeString(lines, json("a3"), StandardOpenOption.APPEND);
    Files.writeString(news.resolve("doc.json"), "[{\"id\": \"d1\", \"body\": \"본문\"}, {\"id\": \"d2\", \"body\": \"새 글\"}]");
    CollectingSink third = new CollectingSink();
    ProducerSummary three = run(third, news);

    assertThat(first.ids()).containsExactly("d1", "a1", "a2");
    assertThat(one.format()).isEqualTo("files: 2, records sent: 3, failures: 0");
    assertThat(second.ids()).isEmpty();
    assertThat(two.format()).isEqualTo("files: 0, records sent: 0, unchanged files: 2, failures: 0");
    assertThat(third.ids()).containsExactly("d2", "a3");
    assertThat(third.sent.get(1).getAttributes()).containsEntry("source.line", "3");
    assertThat(three.format()).isEqualTo("files: 2, records sent: 2, skipped (already sent): 1, failures: 0");
  }

  @Test
  void sendThatFailedIsNotRecordedSoTheNextRunSendsItAndOnlyIt() throws IOException {
    Path news = Files.createDirectories(temp.resolve("news"));
    Files.writeString(news.resolve("wire.jsonl"), json("a1") + json("a2") + json("a3"));

    CollectingSink failing = new CollectingSink().failingRetriably("a2");
    ProducerSummary one = run(failing, news);
    CollectingSink healthy = new CollectingSink();
    ProducerSummary two = run(healthy, news);

    assertThat(failing.ids()).containsExactly("a1", "a3");
    assertThat(one.failures()).containsExactly(
        new Failure(news.resolve("wire.jsonl") + ":2", "send failed: TimeoutException: test"));
    assertThat(healthy.ids()).containsExactly("a2");
    assertThat(two.recordsSkipped()).isEqualTo(2);
  }

  @Test
  void restartedFeedPollSendsConditionalGetAndNothingAgain() throws IOException, InterruptedException {
    try (FeedServer server = new FeedServer()) {
      server.serve("/rss.xml", new FeedServer.Document(200, "application/rss+xml",
          FeedPollingTest.rss("w", FeedPollingTest.item("a") + FeedPollingTest.item("b"))
              .getBytes(StandardCharsets.UTF_8), "\"v1\""));
      ProducerInputs feed = new ProducerInputs(List.of(), List.of(server.url("/rss.xml")), false);

      CollectingSink first = new CollectingSink();
      run(first, feed);
      CollectingSink second = new CollectingSink();
      // Same items behind a new validator: fetched again, and skipped by id.
      server.serve("/rss.xml", new FeedServer.Document(200, "application/rss+xml",
          FeedPollingTest.rss("w", FeedPollingTest.item("b") + FeedPollingTest.item("a"))
              .getBytes(StandardCharsets.UTF_8), "\"v2\""));
      RunningProducer running = ProducerRun.toSink(() -> second, "test")
          .withOptions(options().pollInterval(Duration.ofMillis(50)).build())
          .start(feed);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("/rss.xml").size() >= 3);
      ProducerSummary two = running.stopAndAwait();

      assertThat(first.ids()).containsExactly("guid-a", "guid-b");
      assertThat(second.ids()).isEmpty();
      List<FeedServer.Request> requests = server.requests("/rss.xml");
      assertThat(requests.get(1).ifNoneMatch()).isEqualTo("\"v1\"");
      assertThat(requests.get(1).status()).isEqualTo(200);
      assertThat(requests.get(2).ifNoneMatch()).isEqualTo("\"v2\"");
      assertThat(requests.get(2).status()).isEqualTo(304);
      assertThat(two.recordsSkipped()).isEqualTo(2);
    }
  }

  private ProducerSummary run(CollectingSink sink, Path input) {
    return run(sink, ProducerInputs.files(List.of(input)));
  }

  private ProducerSummary run(CollectingSink sink, ProducerInputs inputs) {
    return ProducerRun.toSink(() -> sink, "test").withOptions(options().once(true).build()).run(inputs);
  }

  private ProducerOptions.Builder options() {
    return ProducerOptions.builder().stateFile(temp.resolve("state/producer-state.json"));
  }

  private static String json(String id) {
    return "{\"id\": \"" + id + "\", \"body\": \"본문 " + id + "\"}\n";
  }
}
