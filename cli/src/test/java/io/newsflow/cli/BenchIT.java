package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code newsflow bench} end to end on a tiny generated corpus: the analyzer, then the whole pipeline on a local
 * stack, then the report; then short steady and paced runs. A benchmark is not a test, so no figure is asserted
 * beyond its sanity (positive, ordered, consistent with the run's own length and rate), only that every part of the
 * report is there and every article was accounted for.
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

  @Test
  void aSteadyRunReportsThroughputAndCostsPerArticleOverTheMeasuredInterval() {
    StringBuilder output = new StringBuilder();
    int exit = run(output, "--articles", "30", "--warm-up", "200", "--duration", "20s");

    assertThat(exit).as(output.toString()).isEqualTo(ExitCodes.OK);
    Matcher steady = find(output, "(?m)^steady pipeline \\(producer -> news.trends, 1 stream threads, after 200 "
        + "warm-up articles, the feed 10000 articles ahead\\): (\\d+) articles out in ([0-9.]+) s: ([0-9.]+) "
        + "articles/s \\((\\d+) sent in the run, \\d+ duplicates, \\d+ dead letters\\)$");
    long out = Long.parseLong(steady.group(1));
    assertThat(out).isPositive().isLessThanOrEqualTo(Long.parseLong(steady.group(4)));
    // The interval lasts the duration, give or take a poll.
    assertThat(Double.parseDouble(steady.group(2))).isBetween(20.0, 21.0);
    assertThat(Double.parseDouble(steady.group(3))).isCloseTo(out / Double.parseDouble(steady.group(2)),
        within(0.1));
    assertThat(output).containsPattern("(?m)^ratio pipeline/analyzer: [0-9]+\\.[0-9]{2} \\(target 0\\.80\\)$")
        .doesNotContain("latency");
    assertCosts(output);
  }

  @Test
  void aPacedRunSendsAtTheRateAndReportsBothLatenciesBesideTheIntervals() {
    StringBuilder output = new StringBuilder();
    int exit = run(output, "--articles", "30", "--warm-up", "10", "--rate", "20", "--duration", "20s");

    assertThat(exit).as(output.toString()).isEqualTo(ExitCodes.OK);
    assertThat(output).containsPattern("(?m)^paced pipeline \\(producer -> news.trends, 1 stream threads, after 10 "
        + "warm-up articles\\): 400 articles sent at 20.0 articles/s for PT20S \\(at most \\d+ ms behind the "
        + "schedule\\), 400 out in [0-9.]+ s \\(\\d+ duplicates, \\d+ dead letters\\)$");
    for (String topic : List.of("news.articles", "news.trends")) {
      Matcher latency = find(output, "(?m)^produce-to-" + topic + " latency over (\\d+) articles \\(ms\\): p50 "
          + "(\\d+), p95 (\\d+), p99 (\\d+), max (\\d+) \\(commit.interval.ms 1000, "
          + "newsflow.commit.when-caught-up true, newsflow.trends.emit-interval PT1S\\)$");
      // One sample per unique article: the 400 sent, less any dedup took for a duplicate.
      assertThat(Integer.parseInt(latency.group(1))).as(topic).isBetween(380, 400);
      long p50 = Long.parseLong(latency.group(2));
      long p95 = Long.parseLong(latency.group(3));
      long p99 = Long.parseLong(latency.group(4));
      assertThat(p50).as(topic).isPositive().isLessThanOrEqualTo(p95);
      assertThat(p95).as(topic).isLessThanOrEqualTo(p99);
      assertThat(p99).as(topic).isLessThanOrEqualTo(Long.parseLong(latency.group(5)));
    }
    assertCosts(output);
  }

  /** The cost lines of a steady or paced run: positive figures per article. */
  private static void assertCosts(StringBuilder output) {
    Matcher cpu = find(output, "(?m)^CPU per article \\(ms; .*\\): whole process ([0-9.]+): .*stream threads "
        + "\\(every stage\\) ([0-9.]+) \\(keyword extraction about [0-9.]+ of it\\)");
    assertThat(Double.parseDouble(cpu.group(1))).isPositive()
        .isGreaterThanOrEqualTo(Double.parseDouble(cpu.group(2)));
    // Components come largest first, so in any order from run to run.
    assertThat(output).containsPattern("(?m)^CPU per article .*[:,] broker [0-9.]+, ");
    Matcher records = find(output, "(?m)^internal records per article: ([0-9.]+) \\(repartition ([0-9.]+), "
        + "changelog ([0-9.]+);");
    assertThat(Double.parseDouble(records.group(2))).isPositive();
    assertThat(Double.parseDouble(records.group(3))).isPositive();
    assertThat(Double.parseDouble(records.group(1)))
        .isCloseTo(Double.parseDouble(records.group(2)) + Double.parseDouble(records.group(3)), within(0.11));
    Matcher bytes = find(output, "(?m)^bytes per article on the broker \\(log size growth\\): (\\d+) "
        + "\\(repartition (\\d+), changelog (\\d+), news.raw (\\d+),");
    assertThat(Long.parseLong(bytes.group(1))).isGreaterThan(Long.parseLong(bytes.group(4)));
    assertThat(Long.parseLong(bytes.group(4))).isPositive();
  }

  private static Matcher find(StringBuilder output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    assertThat(matcher.find()).as("%s in:%n%s", regex, output).isTrue();
    return matcher;
  }

  private static int bench(StringBuilder output, String... extra) {
    List<String> args = new ArrayList<>(List.of("--articles", "30", "--warm-up", "10"));
    args.addAll(List.of(extra));
    return run(output, args.toArray(String[]::new));
  }

  private static int run(StringBuilder output, String... options) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    // A ceiling, not a pace: after a steady run up to 10,000 articles the feed kept ahead are still in the pipeline,
    // and a loaded two-core machine drained them in over 45 s (13,605 of 13,874 out when a clean-clone run gave up).
    List<String> args = new ArrayList<>(List.of("bench", "--threads", "1",
        "--seeds", Path.of("..", "seeds").toString(), "--timeout", "PT3M"));
    args.addAll(List.of(options));
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      return new CommandLine(new Newsflow()).execute(args.toArray(String[]::new));
    } finally {
      System.setOut(original);
      output.append(captured.toString(StandardCharsets.UTF_8));
    }
  }
}
