package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.bench.BrokerFootprint;
import io.newsflow.cli.bench.BrokerFootprint.Growth;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SteadyReportTest {

  /** 200 articles out: 6000 repartition and 4000 changelog offsets, 2 MB in all. */
  private static final Map<String, Growth> BROKER = broker();

  private static Map<String, Growth> broker() {
    Map<String, Growth> growth = new LinkedHashMap<>();
    growth.put("repartition", new Growth(6_000, 1_000_000));
    growth.put("changelog", new Growth(4_000, 800_000));
    growth.put("news.raw", new Growth(200, 100_000));
    growth.put("outputs", new Growth(220, 90_000));
    growth.put("Kafka internal", new Growth(24, 10_000));
    growth.put("other", new Growth(0, 0));
    return growth;
  }

  private static final Map<String, Growth> TOPICS = topics();

  private static Map<String, Growth> topics() {
    Map<String, Growth> topics = new LinkedHashMap<>();
    topics.put("dedup-match-keys-repartition", new Growth(3_000, 300_000));
    topics.put("trends-changelog", new Growth(500, 20_000));
    return topics;
  }

  private static SteadyBench.Result run(long[] articleLatencies, long[] trendLatencies) {
    Map<String, Long> cpu = new LinkedHashMap<>();
    cpu.put("stream threads (every stage)", 1_000_000_000L);
    cpu.put("broker", 400_000_000L);
    return new SteadyBench.Result(10.0, 200, 1_150, 0, 1, cpu, 1_600_000_000L, BROKER, TOPICS, articleLatencies,
        trendLatencies, 3);
  }

  @Test
  void internalTopicsAreListedInTheirOrderPerArticleOut() {
    assertThat(SteadyReport.internalTopics(TOPICS, 200)).isEqualTo("  by topic (records, bytes per article): "
        + "dedup-match-keys-repartition 15.0, 1500; trends-changelog 2.5, 100");
  }

  @Test
  void internalRecordsAreRepartitionAndChangelogOffsetsPerArticleOut() {
    assertThat(SteadyReport.internalRecords(BROKER, 200)).isEqualTo("internal records per article: 50.0 "
        + "(repartition 30.0, changelog 20.0; offsets, transaction markers included); other topics: news.raw 1.0, "
        + "outputs 1.1, Kafka internal 0.1, other 0.0");
  }

  @Test
  void bytesPerArticleAreTheBrokersLogGrowthByKind() {
    assertThat(SteadyReport.bytes(BROKER, 200)).isEqualTo("bytes per article on the broker (log size growth): "
        + "10000 (repartition 5000, changelog 4000, news.raw 500, outputs 450, Kafka internal 50, other 0)");
  }

  @Test
  void cpuPerArticleDividesEachComponentByTheArticlesOut() {
    assertThat(SteadyReport.costs(run(new long[0], new long[0]), 1_500_000).get(0)).endsWith(
        "the process used 1.60 s): whole process 8.00: stream threads (every stage) 5.00 (keyword extraction "
            + "about 1.50 of it), broker 2.00, other threads 1.00");
  }

  @Test
  void theSteadyLineGivesArticlesPerSecondAndTheRatioToTheAnalyzer() {
    assertThat(SteadyReport.steady(run(new long[0], new long[0]), "setup", 80.0)).containsExactly(
        "steady pipeline (setup): 200 articles out in 10.00 s: 20.0 articles/s (1150 sent in the run, 0 duplicates,"
            + " 1 dead letters)",
        "ratio pipeline/analyzer: 0.25 (target 0.80)");
  }

  @Test
  void pacedLatenciesArePrintedBesideTheCommitAndEmitIntervals() {
    long[] articles = {400, 100, 300, 200};
    long[] trends = {1_400, 1_100, 1_300, 1_200};

    assertThat(SteadyReport.paced(run(articles, trends), "setup", 20, Duration.ofSeconds(10), "1000",
        true, Duration.ofSeconds(1))).containsExactly(
        "paced pipeline (setup): 1150 articles sent at 20.0 articles/s for PT10S (at most 3 ms behind the "
            + "schedule), 200 out in 10.00 s (0 duplicates, 1 dead letters)",
        "produce-to-news.articles latency over 4 articles (ms): p50 200, p95 400, p99 400, max 400 "
            + "(commit.interval.ms 1000, newsflow.commit.when-caught-up true, newsflow.trends.emit-interval PT1S)",
        "produce-to-news.trends latency over 4 articles (ms): p50 1200, p95 1400, p99 1400, max 1400 "
            + "(commit.interval.ms 1000, newsflow.commit.when-caught-up true, newsflow.trends.emit-interval PT1S)");
  }
}
