package io.newsflow.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trending score on synthetic histories: hourly windows, no grace (a window closes as soon as stream time
 * reaches its end), the default score settings (history-alpha 0.2, prior 1, dispersion 0.3, min-score 3,
 * min-count 3, warm-up 3 windows): score = (count - E) / sqrt(E + 1 + (0.3 x E)^2).
 */
class TrendScoreTest {

  private static final Instant DAY = Instant.parse("2025-02-24T00:00:00Z");
  private static final Duration EMIT = Duration.ofSeconds(1);

  @TempDir
  Path stateDir;

  private TrendsDriver driver;

  @BeforeEach
  void start() {
    driver = new TrendsDriver(stateDir, Map.of("newsflow.trends.windows", "PT1H", "newsflow.trends.grace", "PT0S",
        "newsflow.trends.top-n", "10"));
  }

  @AfterEach
  void close() {
    driver.close();
  }

  /** One article group: {@code n} articles with the same ranked keywords. */
  private record Group(int n, String... keywords) {}

  /** The articles of hour {@code hour}, one every 30 seconds (at most 120), ids "h{hour}-{i}". */
  private void hour(int hour, Group... groups) {
    int i = 0;
    for (Group group : groups) {
      for (int k = 0; k < group.n(); k++, i++) {
        driver.count("h" + hour + "-" + i, DAY.plus(Duration.ofHours(hour)).plus(Duration.ofSeconds(30L * i)),
            group.keywords());
      }
    }
  }

  /** Six steady hours: of 10 articles, AI in 5, Chips in 1, Market in all. */
  private void steadyHistory() {
    for (int h = 0; h < 6; h++) {
      hour(h, new Group(5, "AI", "Market"), new Group(4, "Market"), new Group(1, "Chips", "Market"));
    }
  }

  private TrendSnapshot latestOpen(int hour) {
    driver.advanceWallClock(EMIT);
    return driver.latest().get("PT1H/" + DAY.plus(Duration.ofHours(hour)));
  }

  @Test
  void burstScoresHighWhileSteadyKeywordsScoreZeroAndANewKeywordWithFewArticlesStaysBelow() {
    steadyHistory();
    // Hour 6, twice the volume: AI and Market keep their share, Chips jumps from 1 in 10 to 8 in 20.
    hour(6, new Group(10, "AI", "Market"), new Group(8, "Chips", "Market"), new Group(2, "Zorblat", "Market"));

    TrendSnapshot open = latestOpen(6);

    assertThat(open.getFinal$()).isFalse();
    assertThat(open.getWindowSize()).isEqualTo("PT1H");
    // Chips: expected 20 x 0.1 = 2, score (8 - 2) / sqrt(2 + 1 + 0.6^2) = 3.2733. AI and Market: as expected.
    // Zorblat is new (expected 0, score 2 / sqrt(1)) but has fewer than min-count articles: after the others.
    assertThat(open.getEntries())
        .extracting(TrendEntry::getRank, TrendEntry::getKeyword, TrendEntry::getArticleCount,
            TrendEntry::getExpected, TrendEntry::getScore)
        .containsExactly(
            tuple(1, "Chips", 8L, 2.0, 3.2733),
            tuple(2, "Market", 20L, 20.0, 0.0),
            tuple(3, "AI", 10L, 10.0, 0.0),
            tuple(4, "Zorblat", 2L, 0.0, 2.0));
    assertThat(open.getTrending()).containsExactly("Chips");
    assertThat(open.getEntries().get(0).getTopArticles()).containsExactly("h6-10", "h6-11", "h6-12");
  }

  @Test
  void aFrequentKeywordRisingByTwoThirdsStaysBelowARareOneRisingFourfold() {
    // Six hours of 100 articles: Market in 60, Chips in 2.
    for (int h = 0; h < 6; h++) {
      hour(h, new Group(2, "Chips", "Market"), new Group(58, "Market"), new Group(40, "Weather"));
    }
    hour(6, new Group(8, "Chips", "Market"), new Group(92, "Market"));

    TrendSnapshot open = latestOpen(6);

    // Market: (100 - 60) / sqrt(60 + 1 + 18^2) = 2.0386; Chips: (8 - 2) / sqrt(2 + 1 + 0.6^2) = 3.2733. Without
    // the dispersion term (the Poisson z-score) Market would lead with 5.1214 before Chips' 3.4641.
    assertThat(open.getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount, TrendEntry::getExpected,
            TrendEntry::getScore)
        .containsExactly(tuple("Chips", 8L, 2.0, 3.2733), tuple("Market", 100L, 60.0, 2.0386));
    assertThat(open.getTrending()).containsExactly("Chips");
  }

  @Test
  void frequentKeywordThatFallsScoresBelowZero() {
    steadyHistory();
    hour(6, new Group(2, "AI", "Market"), new Group(8, "Market"));

    TrendSnapshot open = latestOpen(6);

    // AI: expected 5, score (2 - 5) / sqrt(5 + 1 + 1.5^2) = -1.0445; Market as expected.
    assertThat(open.getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount, TrendEntry::getExpected,
            TrendEntry::getScore)
        .containsExactly(tuple("Market", 10L, 10.0, 0.0), tuple("AI", 2L, 5.0, -1.0445));
    assertThat(open.getTrending()).isEmpty();
  }

  @Test
  void withoutHistoryScoresFollowTheCountsAndNothingTrendsBeforeTheWarmUp() {
    hour(0, new Group(10, "AI", "Market"), new Group(3, "Chips"));

    TrendSnapshot first = latestOpen(0);

    // No window closed yet: everything is new, so scores are count / sqrt(prior).
    assertThat(first.getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount, TrendEntry::getExpected,
            TrendEntry::getScore)
        .containsExactly(tuple("AI", 10L, 0.0, 10.0), tuple("Market", 10L, 0.0, 10.0), tuple("Chips", 3L, 0.0, 3.0));
    assertThat(first.getTrending()).isEmpty();
  }

  @Test
  void aKeywordAbsentFromAWindowDecaysAndAnEmptyHourLeavesTheHistoryAlone() {
    // Hour 0: Chips in 5 of 10. Hour 1: no Chips. Hour 2: no article at all. Hour 3: 10 articles again.
    hour(0, new Group(5, "Chips"), new Group(5, "Market"));
    hour(1, new Group(10, "Market"));
    hour(3, new Group(10, "Market"), new Group(1, "Chips"));

    TrendSnapshot open = latestOpen(3);

    // After two closed windows, Chips per window: M = 0.8 x (0.2 x 5) = 0.8; articles per window:
    // V = 0.8 x (0.2 x 10) + 0.2 x 10 = 3.6; share 0.2222, expected 11 x 0.2222 = 2.4444, score
    // (1 - 2.4444) / sqrt(3.4444 + 0.7333^2) = -0.7238. Hour 2 had no articles, so it is no evidence either way.
    assertThat(open.getEntries())
        .filteredOn(e -> e.getKeyword().equals("Chips"))
        .extracting(TrendEntry::getExpected, TrendEntry::getScore)
        .containsExactly(tuple(2.4444, -0.7238));
  }

  @Test
  void aSmallWindowMovesTheExpectedShareLessThanABigOne() {
    // Hour 0: Chips in 10 of 100 articles. Hour 1, a quiet one: Chips in 2 of 2.
    hour(0, new Group(10, "Chips"), new Group(90, "Market"));
    hour(1, new Group(2, "Chips"));
    hour(2, new Group(10, "Market"), new Group(1, "Chips"));

    TrendSnapshot open = latestOpen(2);

    // Chips per window: M = 0.8 x (0.2 x 10) + 0.2 x 2 = 2; articles per window: V = 0.8 x (0.2 x 100) + 0.2 x 2
    // = 16.4; share 0.122 (the mean of the two windows' shares would be 0.55); expected 11 x 0.122 = 1.3415.
    assertThat(open.getEntries())
        .filteredOn(e -> e.getKeyword().equals("Chips"))
        .extracting(TrendEntry::getExpected, TrendEntry::getScore)
        .containsExactly(tuple(1.3415, -0.2158));
  }

  @Test
  void finalSnapshotIsScoredAgainstTheWindowsBeforeItAndTheHistoryMovesWhenItCloses() {
    steadyHistory();
    hour(6, new Group(10, "AI", "Market"), new Group(8, "Chips", "Market"), new Group(2, "Zorblat", "Market"));
    driver.advanceWallClock(EMIT);
    driver.trends().readRecordsToList();

    // The first article of hour 7 closes hour 6: its final snapshot has the same scores as its last open one.
    driver.count("h7-0", DAY.plus(Duration.ofHours(7)), "Chips", "Market");
    List<TrendSnapshot> closing = driver.trends().readValuesToList();
    assertThat(closing).hasSize(1);
    assertThat(closing.get(0).getFinal$()).isTrue();
    assertThat(closing.get(0).getEntries().get(0))
        .extracting(TrendEntry::getKeyword, TrendEntry::getExpected, TrendEntry::getScore)
        .containsExactly("Chips", 2.0, 3.2733);

    // Hour 7 now expects Chips from a history that includes hour 6's burst:
    // Chips per window: M = 0.8 x 1 x (1 - 0.8^6) + 0.2 x 8 = 2.19028; articles per window:
    // V = 0.8 x 10 x (1 - 0.8^6) + 0.2 x 20 = 9.90285; expected share 2.19028 / 9.90285 = 0.22118, of 1 article.
    TrendSnapshot next = latestOpen(7);
    List<Double> expected = new ArrayList<>();
    next.getEntries().forEach(e -> expected.add(e.getExpected()));
    assertThat(next.getEntries()).extracting(TrendEntry::getKeyword).containsExactly("Chips", "Market");
    assertThat(expected).containsExactly(0.2212, 1.0);
  }
}
