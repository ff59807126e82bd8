package io.newsflow.streams.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.TopologyHarness;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.keywords.Keywords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle against the production topology in a TopologyTestDriver, on two thousand generated stories with
 * every kind of duplicate, in their own order and shuffled: the final notices and every published count equal.
 * The same comparison runs on the real broker with several partitions and under crashes in the ITs.
 */
class OracleTopologyTest {

  static final Map<String, String> SETTINGS = Map.of(
      "newsflow.trends.windows", "PT1H,P1D",
      "newsflow.trends.grace", "P3650D",
      "newsflow.trends.idle-close", "P3650D");
  static final Instant START = Instant.parse("2024-11-04T00:00:00Z");

  @TempDir
  Path stateDir;

  @Test
  void theGeneratedNewswireHasEveryKindOfDuplicate() {
    List<RawArticle> input = SyntheticNews.generate(1700, 11, START, Duration.ofDays(5));
    Oracle.Expected expected = Oracle.compute(input, StreamsSettings.from(SETTINGS), System.currentTimeMillis());

    assertThat(input).hasSizeGreaterThanOrEqualTo(2000);
    assertThat(expected.rejected()).isEmpty();
    Map<DuplicateKind, Long> kinds = expected.result().notices().values().stream()
        .collect(Collectors.groupingBy(PipelineResult.Notice::kind, TreeMap::new, Collectors.counting()));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(DuplicateKind.values());
    // About 23 duplicates per 100 stories (the generator's mix); more would mean unrelated stories matched.
    assertThat(expected.result().notices().size()).isBetween(300, 450);
    assertThat(SyntheticNews.generate(1700, 11, START, Duration.ofDays(5))).isEqualTo(input);
  }

  @Test
  void theTopologyEqualsTheOracleInArrivalOrderAndShuffled() {
    List<RawArticle> input = SyntheticNews.generate(1700, 12, START, Duration.ofDays(5));
    PipelineResult expected =
        Oracle.compute(input, StreamsSettings.from(SETTINGS), System.currentTimeMillis()).result();

    List<RawArticle> shuffled = new ArrayList<>(input);
    Collections.shuffle(shuffled, new Random(12));
    for (List<RawArticle> order : List.of(input, shuffled)) {
      PipelineResult observed = run(order);
      assertThat(Differences.between(expected, observed)).isEmpty();
      assertThat(observed.notices()).hasSize(expected.notices().size());
    }
  }

  private PipelineResult run(List<RawArticle> order) {
    Path dir = stateDir.resolve("run-" + System.nanoTime());
    try (TopologyHarness harness = TopologyHarness.start(dir, SETTINGS)) {
      order.forEach(harness::send);
      harness.advanceWallClock(Duration.ofSeconds(10));
      Map<String, PipelineResult.Notice> notices = new TreeMap<>();
      for (TestRecord<String, DuplicateNotice> r : harness.duplicates().readRecordsToList()) {
        notices.put(r.key(), new PipelineResult.Notice(r.value().getDuplicateOf(), r.value().getKind(),
            r.value().getDistance()));
      }
      Map<String, Map<String, Long>> counts = new TreeMap<>();
      for (TestRecord<String, TrendSnapshot> r : harness.trends().readRecordsToList()) {
        Map<String, Long> entries = new HashMap<>();
        for (TrendEntry e : r.value().getEntries()) {
          entries.put(Keywords.key(e.getKeyword()), e.getArticleCount());
        }
        counts.put(r.key(), entries);
      }
      return new PipelineResult(notices, counts);
    }
  }
}
