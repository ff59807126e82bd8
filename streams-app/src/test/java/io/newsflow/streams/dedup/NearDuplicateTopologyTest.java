package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicates and arrival order through the whole topology: syndicated copies are reported and not
 * counted, hard negatives are counted, and the final notices and counts do not depend on the order the
 * articles arrive in. A day of grace keeps every window open, so no order makes an article late.
 */
class NearDuplicateTopologyTest {

  private static final Map<String, String> SETTINGS = Map.of("newsflow.trends.grace", "P1D",
      "newsflow.trends.top-n", "200", "newsflow.trends.windows", "PT1H");

  @TempDir
  Path stateDir;

  private TopologyHarness harness;

  @AfterEach
  void closeTopology() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void syndicatedCopiesAreReportedWithKindAndDistanceAndNotPublished() {
    Outcome outcome = run(DedupFixtures.articles(), "in-order");

    assertThat(outcome.notices().values())
        .extracting(DuplicateNotice::getId, DuplicateNotice::getDuplicateOf, DuplicateNotice::getKind,
            DuplicateNotice::getDistance)
        .containsExactly(
            tuple("en-trimmed", DedupFixtures.WIRE_EN, DuplicateKind.NEAR, 5),
            tuple("en-typo", DedupFixtures.WIRE_EN, DuplicateKind.NEAR, 4),
            tuple("ko-header", DedupFixtures.WIRE_KO, DuplicateKind.EXACT_CONTENT, null),
            tuple("ko-trimmed", DedupFixtures.WIRE_KO, DuplicateKind.NEAR, 8),
            tuple("ko-typo", DedupFixtures.WIRE_KO, DuplicateKind.NEAR, 1));
    assertThat(outcome.published()).containsExactlyInAnyOrder(DedupFixtures.WIRE_KO, DedupFixtures.WIRE_EN,
        "ko-analysis", "ko-rival", "ko-template", "en-workers");
  }

  @Test
  void copiesChangeNoCountAtAll() {
    List<RawArticle> originals = DedupFixtures.articles().stream()
        .filter(a -> !DedupFixtures.COPIES.containsKey(a.getId())).toList();

    Outcome withCopies = run(DedupFixtures.articles(), "with-copies");
    harness.close();
    Outcome withoutCopies = run(originals, "without-copies");

    assertThat(withCopies.counts()).isEqualTo(withoutCopies.counts()).isNotEmpty();
    assertThat(withCopies.counts().get(DedupFixtures.T0)).containsEntry("한빛전자", 1L);
  }

  @Test
  void finalNoticesAndCountsDoNotDependOnArrivalOrder() {
    List<RawArticle> articles = new ArrayList<>(DedupFixtures.articles());
    articles.add(DedupFixtures.revision());
    Outcome inOrder = run(articles, "in-order");

    List<RawArticle> reversed = new ArrayList<>(articles);
    Collections.reverse(reversed);
    List<RawArticle> shuffled = new ArrayList<>(articles);
    Collections.shuffle(shuffled, new Random(5));
    List<Outcome> others = new ArrayList<>();
    for (List<RawArticle> order : List.of(reversed, shuffled)) {
      harness.close();
      Outcome other = run(order, "order-" + order.get(0).getId());
      assertThat(other.notices()).as("notices").isEqualTo(inOrder.notices());
      assertThat(other.counts()).as("counts").isEqualTo(inOrder.counts());
      others.add(other);
    }
    // In reverse order every copy came before its original, was published and counted, then withdrawn.
    assertThat(inOrder.published()).doesNotContainAnyElementsOf(DedupFixtures.COPIES.keySet());
    assertThat(others.get(0).published()).containsAll(DedupFixtures.COPIES.keySet());
  }

  /** The last notice per id, the ids published, and the last count of every keyword per window. */
  record Outcome(Map<String, DuplicateNotice> notices, List<String> published,
      Map<Instant, Map<String, Long>> counts) {
  }

  private Outcome run(List<RawArticle> articles, String name) {
    harness = TopologyHarness.start(stateDir.resolve(name), SETTINGS);
    articles.forEach(harness::send);
    harness.advanceWallClock(Duration.ofSeconds(1));
    Map<String, DuplicateNotice> notices = new TreeMap<>();
    harness.duplicates().readValuesToList().forEach(n -> notices.put(n.getId(),
        DuplicateNotice.newBuilder(n).setDetectedAt(Instant.EPOCH).build()));
    List<String> published = harness.articles().readValuesToList().stream().map(Article::getId).distinct().toList();
    Map<Instant, Map<String, Long>> counts = new TreeMap<>();
    for (TrendSnapshot snapshot : harness.trends().readValuesToList()) {
      Map<String, Long> window = new TreeMap<>();
      snapshot.getEntries().forEach(e -> window.put(e.getKeyword(), e.getArticleCount()));
      counts.put(snapshot.getWindowStart(), window);
    }
    return new Outcome(notices, published, counts);
  }
}
