package io.newsflow.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.streams.RawArticles;
import io.newsflow.streams.TopologyHarness;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend stage through the whole topology, with one window size (one hour, set with the older single-size key
 * newsflow.trends.window), ten minutes of grace and a top 3. The articles are short English texts whose only
 * keywords are the capitalized names in them; each article ranks its keywords (title words first), which breaks
 * ties between equal article counts. Until a window closes there is no history: every keyword is new, its
 * expected count 0 and its score its article count (the prior is 1).
 */
class TrendsTest {

  private static final Instant W1 = Instant.parse("2025-02-24T10:00:00Z");
  private static final Instant W2 = Instant.parse("2025-02-24T11:00:00Z");
  private static final Duration EMIT_INTERVAL = Duration.ofSeconds(1);

  /** Keywords, ranked: Zephyra, Kestrel, Orbitus. */
  private static final RawArticle T1 =
      article("t1", W1.plusSeconds(5 * 60), "Zephyra and Kestrel", "Today Zephyra is with Kestrel and Orbitus.");
  /** Keywords, ranked: Zephyra, Kestrel, Lumina. */
  private static final RawArticle T2 =
      article("t2", W1.plusSeconds(15 * 60), "Zephyra and Kestrel", "Today Zephyra is with Kestrel and Lumina.");
  /** Keywords, ranked: Zephyra, Vantor. */
  private static final RawArticle T3 =
      article("t3", W1.plusSeconds(25 * 60), "Zephyra and Vantor", "Today Zephyra is with Vantor.");

  @TempDir
  Path stateDir;

  private TopologyHarness harness;

  @BeforeEach
  void startTopology() {
    harness = TopologyHarness.start(stateDir, Map.of(
        "newsflow.trends.top-n", "3",
        "newsflow.trends.window", "PT1H",
        "newsflow.trends.grace", "PT10M",
        "newsflow.trends.emit-interval", "PT1S"));
  }

  @AfterEach
  void closeTopology() {
    harness.close();
  }

  @Test
  void snapshotRanksTheTopKeywordsOfAWindowWhenTheWallClockAdvances() {
    harness.send(T1);
    harness.send(T2);
    harness.send(T3);
    assertThat(harness.trends().isEmpty()).isTrue();

    harness.advanceWallClock(EMIT_INTERVAL);

    List<TestRecord<String, TrendSnapshot>> out = harness.trends().readRecordsToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key()).isEqualTo("PT1H/2025-02-24T10:00:00Z");
    assertThat(out.get(0).getRecordTime()).isEqualTo(TopologyHarness.WALL_CLOCK_START.plus(EMIT_INTERVAL));
    // Lumina, Orbitus and Vantor have one article each; Vantor ranked higher in its article than the others.
    assertThat(out.get(0).value()).isEqualTo(snapshot(W1, false,
        entry("Zephyra", 3, 1, "t1", "t2", "t3"), entry("Kestrel", 2, 2, "t1", "t2"), entry("Vantor", 1, 3, "t3")));
  }

  @Test
  void windowIsEmittedAgainOnlyAfterItChanged() {
    harness.send(T1);
    harness.advanceWallClock(EMIT_INTERVAL);
    assertThat(harness.trends().readValuesToList()).containsExactly(snapshot(W1, false,
        entry("Zephyra", 1, 1, "t1"), entry("Kestrel", 1, 2, "t1"), entry("Orbitus", 1, 3, "t1")));

    harness.advanceWallClock(EMIT_INTERVAL);
    assertThat(harness.trends().isEmpty()).isTrue();

    harness.send(T2);
    harness.advanceWallClock(EMIT_INTERVAL);
    assertThat(harness.trends().readValuesToList()).containsExactly(snapshot(W1, false,
        entry("Zephyra", 2, 1, "t1", "t2"), entry("Kestrel", 2, 2, "t1", "t2"), entry("Lumina", 1, 3, "t2")));
  }

  @Test
  void equalCountAndProminenceAreRankedByKeyword() {
    harness.send(T1);
    harness.send(T2);
    harness.advanceWallClock(EMIT_INTERVAL);

    // Lumina and Orbitus: one article each, both third in it; "lumina" sorts first.
    assertThat(harness.trends().readValue().getEntries()).containsExactly(
        entry("Zephyra", 2, 1, "t1", "t2"), entry("Kestrel", 2, 2, "t1", "t2"), entry("Lumina", 1, 3, "t2"));
  }

  @Test
  void lateArticleWithinTheGracePeriodIsCountedInItsWindow() {
    harness.send(T1);
    harness.send(article("t4", W2.plusSeconds(5 * 60), "Kestrel and Quorra", "Today Kestrel is with Quorra."));
    // Stream time is 11:05; window [10:00, 11:00) stays open until 11:10.
    harness.send(publishedAt(T2, W1.plusSeconds(40 * 60)));

    harness.advanceWallClock(EMIT_INTERVAL);

    assertThat(harness.deadLetters().isEmpty()).isTrue();
    assertThat(harness.trends().readValuesToList()).containsExactly(
        snapshot(W1, false, entry("Zephyra", 2, 1, "t1", "t2"), entry("Kestrel", 2, 2, "t1", "t2"),
            entry("Lumina", 1, 3, "t2")),
        snapshot(W2, false, entry("Kestrel", 1, 1, "t4"), entry("Quorra", 1, 2, "t4")));
  }

  @Test
  void windowTurnsFinalWhenStreamTimeReachesItsEndPlusGrace() {
    harness.send(T1);
    harness.send(article("t5", Instant.parse("2025-02-24T11:09:59.999Z"), "Kestrel and Quorra",
        "Today Kestrel is with Quorra."));
    assertThat(harness.trends().isEmpty()).isTrue();

    harness.send(article("t6", Instant.parse("2025-02-24T11:10:00Z"), "Quorra", "Today Quorra is at Orlen."));

    List<TestRecord<String, TrendSnapshot>> closing = harness.trends().readRecordsToList();
    assertThat(closing).hasSize(1);
    assertThat(closing.get(0).key()).isEqualTo("PT1H/2025-02-24T10:00:00Z");
    assertThat(closing.get(0).getRecordTime()).isEqualTo(TopologyHarness.WALL_CLOCK_START);
    assertThat(closing.get(0).value()).isEqualTo(snapshot(W1, true,
        entry("Zephyra", 1, 1, "t1"), entry("Kestrel", 1, 2, "t1"), entry("Orbitus", 1, 3, "t1")));

    // The closed window is now history: Kestrel was in its one article, so the next window expects Kestrel in
    // each of its two, and Kestrel's one article scores (1 - 2) / sqrt(2 + 1 + 0.6^2), below the new Orlen. Quorra's
    // first article is t6, where it is the first keyword (second in t5).
    harness.advanceWallClock(EMIT_INTERVAL);
    assertThat(harness.trends().readValuesToList()).containsExactly(snapshot(W2, false,
        entry("Quorra", 2, 1, "t6", "t5"), entry("Orlen", 1, 2, "t6"),
        scored(entry("Kestrel", 1, 3, "t5"), 2.0, -0.5455)));
  }

  @Test
  void articleBeyondTheGracePeriodGoesToDeadLettersAndLeavesTheCountsAlone() {
    harness.send(T1);
    harness.send(article("t4", W2.plusSeconds(15 * 60), "Kestrel and Quorra", "Today Kestrel is with Quorra."));
    TrendSnapshot closed = snapshot(W1, true, entry("Zephyra", 1, 1, "t1"), entry("Kestrel", 1, 2, "t1"),
        entry("Orbitus", 1, 3, "t1"));
    assertThat(harness.trends().readValuesToList()).containsExactly(closed);

    Instant late = W1.plusSeconds(40 * 60);
    harness.send(publishedAt(T2, late));
    harness.advanceWallClock(EMIT_INTERVAL);

    // Late is not lost: the article is still published, it just no longer counts.
    List<Article> published = harness.articles().readValuesToList();
    assertThat(published).extracting(Article::getId).containsExactly("t1", "t4", "t2");
    TestRecord<String, DeadLetter> letter = harness.deadLetters().readRecord();
    assertThat(letter.key()).isEqualTo("t2");
    assertThat(letter.value()).isEqualTo(DeadLetter.newBuilder()
        .setStage("trends")
        .setReason("late: event time 2025-02-24T10:40:00Z is past the grace period of window "
            + "[2025-02-24T10:00:00Z, 2025-02-24T11:00:00Z), stream time is 2025-02-24T11:15:00Z")
        .setSourceTopic(TopologyHarness.APPLICATION_ID + "-trends-by-window-repartition")
        .setPartition(0)
        .setOffset(2L)
        .setKey(ByteBuffer.wrap("t2".getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(("{\"key\":\"t2#" + published.get(2).getFingerprint().substring(0, 16)
            + "\",\"articleId\":\"t2\",\"keywords\":[\"Zephyra\",\"Kestrel\",\"Lumina\"],\"withdraw\":false,"
            + "\"terms\":[\"zephyra\",\"kestrel\",\"lumina\"],\"nouns\":[],\"pairs\":[]}")
            .getBytes(StandardCharsets.UTF_8)))
        .setTimestamp(late)
        .build());
    assertThat(harness.deadLetters().isEmpty()).isTrue();
    // Kestrel was in the closed window's one article: expected once here, it scores 0 and ranks below Quorra.
    assertThat(harness.trends().readValuesToList()).containsExactly(
        snapshot(W2, false, entry("Quorra", 1, 1, "t4"), scored(entry("Kestrel", 1, 2, "t4"), 1.0, 0.0)));
  }

  @Test
  void duplicatesDoNotChangeTheCounts() {
    harness.send(T1);
    harness.send(article("t1-url-copy", T1.getUrl(), W1.plusSeconds(6 * 60), "Zephyra and Quorra",
        "Today Zephyra is with Quorra."));
    // A body this short identifies an article only with its title.
    harness.send(article("t1-body-copy", "https://mirror.example.net/t1", W1.plusSeconds(7 * 60), T1.getTitle(),
        T1.getBody()));

    harness.advanceWallClock(EMIT_INTERVAL);

    assertThat(harness.duplicates().readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("t1-url-copy", "t1-body-copy");
    assertThat(harness.trends().readValuesToList()).containsExactly(snapshot(W1, false,
        entry("Zephyra", 1, 1, "t1"), entry("Kestrel", 1, 2, "t1"), entry("Orbitus", 1, 3, "t1")));
  }

  private static RawArticle article(String id, Instant publishedAt, String title, String body) {
    return article(id, "https://news.example.com/trends/" + id, publishedAt, title, body);
  }

  private static RawArticle article(String id, String url, Instant publishedAt, String title, String body) {
    return RawArticles.json(id, url, title, body, publishedAt);
  }

  private static RawArticle publishedAt(RawArticle article, Instant time) {
    return RawArticle.newBuilder(article).setPublishedAt(time).setFetchedAt(time.plusSeconds(60)).build();
  }

  private static TrendSnapshot snapshot(Instant start, boolean isFinal, TrendEntry... entries) {
    return TrendSnapshot.newBuilder()
        .setWindowStart(start)
        .setWindowEnd(start.plus(Duration.ofHours(1)))
        .setFinal$(isFinal)
        .setEntries(List.of(entries))
        .setWindowSize("PT1H")
        .setTrending(List.of())
        .build();
  }

  /** An entry of a window without history: expected 0, score = article count. */
  private static TrendEntry entry(String keyword, long articleCount, int rank, String... topArticles) {
    return TrendEntry.newBuilder()
        .setKeyword(keyword)
        .setArticleCount(articleCount)
        .setRank(rank)
        .setExpected(0.0)
        .setScore(articleCount)
        .setTopArticles(List.of(topArticles))
        .build();
  }

  private static TrendEntry scored(TrendEntry entry, double expected, double score) {
    return TrendEntry.newBuilder(entry).setExpected(expected).setScore(score).build();
  }
}
