package io.newsflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.streams.verify.SeedPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example consumer against the real local pipeline on the repository's seeds (SeedPipeline, as the cli's
 * Confluent client test starts it): it prints the seed window's keywords.
 */
class TrendsConsumerIT {

  /** The seed article's hour (파이낸셜뉴스, 2025-02-24 17:04 KST). */
  private static final String SEED_WINDOW = "PT1H/2025-02-24T08:00:00Z";

  @TempDir
  static Path tempDir;

  private static SeedPipeline pipeline;

  @BeforeAll
  static void runPipelineOnTheSeeds() {
    // As in the demo: the seeds arrive in file order over 3 partitions, not in publication order, and the
    // 08:00 article may come after a later one has moved stream time past its window's default grace.
    pipeline = SeedPipeline.start(tempDir.resolve("streams-state"), "examples-it",
        Map.of("newsflow.trends.grace", "P1D"));
    assertThat(pipeline.produced().failures()).isEmpty();
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void printsTheSeedWindowsKeywordsWithTheirArticleCounts() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    try (TrendsConsumer trends = new TrendsConsumer(options("--timeout", "PT3M"))) {
      CompletableFuture<Long> run = CompletableFuture.supplyAsync(() -> trends.run(out));
      try {
        await("a snapshot of " + SEED_WINDOW + " with the seeds' keywords").atMost(Duration.ofMinutes(2))
            .untilAsserted(() -> assertThat(topKeywords(lastLineOf(captured, SEED_WINDOW)))
                .contains("딥시크", "알리바바", "바이트댄스", "AI", "중국"));
      } finally {
        // The consumer is single-threaded: run() must have returned before close().
        trends.stop();
        assertThat(run.get(30, TimeUnit.SECONDS)).isPositive();
      }
    }

    // One seed article in that hour: every keyword counts 1, ranked by prominence in it.
    String line = lastLineOf(captured, SEED_WINDOW);
    assertThat(line).startsWith(SEED_WINDOW + " ").containsPattern(" (open|final) trending=\\[")
        .contains(" top=[AI 1, 딥시크 1, 알리바바 1, 바이트댄스 1, 한국 1, 중국 1, 미국 1,");
    assertThat(topKeywords(line)).contains("오픈AI", "GPT-4.5", "패권 경쟁").doesNotContain("딥시크가", "바이트댄스가");
  }

  @Test
  void stopsAfterMaxRecords() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    long printed;
    try (TrendsConsumer trends = new TrendsConsumer(options("--max-records", "1", "--timeout", "PT2M"))) {
      printed = trends.run(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    assertThat(printed).isEqualTo(1);
    assertThat(captured.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
        .matches("PT(5M|1H)/2025-02-24T\\d\\d:\\d\\d:00Z (open|final) trending=\\[.*\\] top=\\[.+\\]");
  }

  private static ConsumerOptions options(String... limits) {
    String[] args = new String[4 + limits.length];
    args[0] = "--bootstrap-servers";
    args[1] = pipeline.stack().bootstrapServers();
    args[2] = "--schema-registry-url=" + pipeline.stack().schemaRegistryUrl();
    args[3] = "--topic=news.trends";
    System.arraycopy(limits, 0, args, 4, limits.length);
    return ConsumerOptions.parse(args);
  }

  /** The latest snapshot printed for {@code window}, or "" if none yet. */
  private static String lastLineOf(ByteArrayOutputStream captured, String window) {
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.startsWith(window + " "))
        .toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** The keywords of a line's {@code top=[keyword count, ...]}. */
  private static List<String> topKeywords(String line) {
    if (line.isEmpty()) {
      return List.of();
    }
    String top = line.substring(line.indexOf(" top=[") + 6, line.length() - 1);
    return Arrays.stream(top.split(", ")).map(entry -> entry.substring(0, entry.lastIndexOf(' '))).toList();
  }
}
