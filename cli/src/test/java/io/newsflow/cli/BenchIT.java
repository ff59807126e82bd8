package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code newsflow bench} end to end on a tiny generated corpus: the analyzer, then the whole pipeline on a local
 * stack, then the report. A benchmark is not a test, so no figure is asserted, only that every part of the report
 * is there and every article was accounted for.
 */
class BenchIT {

  @Test
  void benchOnATinyCorpusPrintsBothThroughputsTheirRatioAndLatency() {
    StringBuilder output = new StringBuilder();
    int exit = bench(output);

    assertThat(exit).as(output.toString()).isEqualTo(ExitCodes.OK);
    assertThat(output)
        .contains("newsflow bench: 30 articles generated from ")
        .contains("30 articles normalized (en ")
        .containsPattern("(?m)^analyzer \\(standalone, 1 threads, one KeywordExtractor each\\): 30 articles in "
            + "[0-9.]+ s: [0-9.]+ articles/s, [0-9.]+ MB/s$")
        .containsPattern("(?m)^pipeline \\(producer -> news.trends, 1 stream threads, after 10 warm-up articles\\): "
            + "30 articles in [0-9.]+ s: "
            + "[0-9.]+ articles/s, [0-9.]+ MB/s \\(30 unique, 0 duplicates, 0 dead letters\\)$")
        .containsPattern("(?m)^ratio pipeline/analyzer: [0-9]+\\.[0-9]{2} \\(target 0\\.80\\)$")
        .containsPattern("(?m)^produce-to-trend latency over 30 articles \\(ms\\): p50 \\d+, p95 \\d+, p99 \\d+, "
            + "max \\d+$")
        .containsPattern("(?m)^CPU during the pipeline run .*stream threads [0-9.]+ s \\(keyword extraction about")
        .doesNotContain("trend task");
  }

  @Test
  void trendCeilingReadsTheTrendTaskOwnMetrics() {
    StringBuilder output = new StringBuilder();
    int exit = bench(output, "--trend-ceiling");

    assertThat(exit).as(output.toString()).isEqualTo(ExitCodes.OK);
    // The task behind the one-partition topic, found by its topic, and figures read from its metrics.
    assertThat(output)
        .contains("metrics.recording.level=DEBUG")
        .containsPattern("(?m)^trend task \\d+_0: [1-9]\\d* records, process \\d+ us/record avg \\(max [0-9.]+ ms "
            + "since the task started\\), punctuate [0-9.]+ ms/s \\(\\d+ calls, [0-9.]+ ms avg\\) -> ceiling ~ "
            + "[0-9,]+ articles/s on one thread$")
        .containsPattern("(?m)^  the bench fed it [0-9.]+ records/s \\(\\d+ in [0-9.]+ s\\), [0-9.]+% of that "
            + "ceiling; 50,000 articles a day are 0.58/s, 5.8/s at a 10x peak: the ceiling is [0-9,]+x that peak$");
  }

  private static int bench(StringBuilder output, String... extra) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    List<String> args = new ArrayList<>(List.of("bench", "--articles", "30", "--warm-up", "10", "--threads", "1",
        "--seeds", Path.of("..", "seeds").toString(), "--timeout", "PT45S"));
    args.addAll(List.of(extra));
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      return new CommandLine(new Newsflow()).execute(args.toArray(String[]::new));
    } finally {
      System.setOut(original);
      output.append(captured.toString(StandardCharsets.UTF_8));
    }
  }
}
