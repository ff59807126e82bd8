package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendEntry;
import io.newsflow.streams.RawArticles;
import io.newsflow.streams.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later version of an article (same URL or id, newer updatedAt) is a revision: published, never counted twice. */
class RevisionTest {

  private static final Instant T0 = Instant.parse("2025-02-24T10:05:00Z");
  private static final String URL = "https://news.example.com/2025/02/24/zephyra-harbour";
  private static final String TITLE = "Zephyra opens a harbour office";
  private static final String BODY = "Zephyra opened a harbour office in Valdmoor on Monday. The office of Zephyra"
      + " is the first one that Zephyra has opened outside of Orlen, and it will hire twenty people.";
  private static final String REVISED_BODY = "Zephyra opened a harbour office in Valdmoor on Monday. The office of"
      + " Zephyra is the first one that Zephyra has opened outside of Orlen, and it will hire twenty people."
      + " Kestrel, the port operator, said the office would double traffic through Valdmoor.";

  @TempDir
  Path stateDir;

  private TopologyHarness harness;

  @BeforeEach
  void startTopology() {
    harness = TopologyHarness.start(stateDir, Map.of("newsflow.trends.grace", "P1D",
        "newsflow.trends.windows", "PT1H"));
  }

  @AfterEach
  void closeTopology() {
    harness.close();
  }

  @Test
  void laterVersionIsPublishedAsNextRevisionWithARevisionNotice() {
    harness.send(original());
    harness.send(revised(T0.plus(Duration.ofHours(2))));

    List<Article> published = harness.articles().readValuesToList();
    assertThat(published).extracting(Article::getId, Article::getRevision, Article::getBody)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("z1", 0, BODY),
            org.assertj.core.groups.Tuple.tuple("z1", 1, REVISED_BODY));
    assertThat(harness.duplicates().readValuesToList()).containsExactly(DuplicateNotice.newBuilder()
        .setId("z1").setDuplicateOf("z1").setKind(DuplicateKind.REVISION).setDistance(null)
        .setDetectedAt(TopologyHarness.WALL_CLOCK_START).build());
  }

  @Test
  void revisionMovesTheCountsToItsNewKeywordsInTheSameWindow() {
    harness.send(original());
    harness.advanceWallClock(Duration.ofSeconds(1));
    assertThat(harness.trends().readValue().getEntries()).extracting(TrendEntry::getKeyword)
        .contains("Zephyra", "Orlen").doesNotContain("Kestrel");

    // Updated two hours later: still counted in the 10:00 window, once.
    harness.send(revised(T0.plus(Duration.ofHours(2))));
    harness.advanceWallClock(Duration.ofSeconds(1));

    List<TrendEntry> entries = harness.trends().readValue().getEntries();
    assertThat(entries).filteredOn(e -> e.getKeyword().equals("Zephyra")).extracting(TrendEntry::getArticleCount)
        .containsExactly(1L);
    assertThat(entries).extracting(TrendEntry::getKeyword).contains("Kestrel");
    assertThat(entries).allSatisfy(e -> assertThat(e.getArticleCount()).isEqualTo(1L));
    assertThat(harness.trends().isEmpty()).isTrue();
  }

  @Test
  void revisionWithoutNewTextIsARepeatNotARevision() {
    harness.send(original());
    RawArticle sameText = RawArticle.newBuilder(original())
        .setAttributes(Map.of("updatedAt", T0.plus(Duration.ofHours(1)).toString())).build();
    harness.send(sameText);

    assertThat(harness.articles().readValuesToList()).hasSize(1);
    assertThat(harness.duplicates().readValue().getKind()).isEqualTo(DuplicateKind.EXACT_URL);
  }

  @Test
  void olderVersionArrivingAfterTheRevisionLeavesTheRevisionCounted() {
    harness.send(revised(T0.plus(Duration.ofHours(2))));
    harness.send(original());
    harness.advanceWallClock(Duration.ofSeconds(1));

    List<Article> published = harness.articles().readValuesToList();
    assertThat(published.get(published.size() - 1).getBody()).isEqualTo(REVISED_BODY);
    assertThat(published.get(published.size() - 1).getRevision()).isEqualTo(1);
    assertThat(harness.trends().readValue().getEntries())
        .filteredOn(e -> e.getKeyword().equals("Kestrel") || e.getKeyword().equals("Zephyra"))
        .extracting(TrendEntry::getArticleCount).containsExactly(1L, 1L);
  }

  private static RawArticle original() {
    return RawArticles.json("z1", URL, TITLE, BODY, T0);
  }

  private static RawArticle revised(Instant updatedAt) {
    return RawArticle.newBuilder(RawArticles.json("z1", URL + "?utm_source=rss", TITLE, REVISED_BODY, T0))
        .setFetchedAt(updatedAt.plusSeconds(30))
        .setAttributes(Map.of("updatedAt", updatedAt.toString()))
        .build();
  }
}
