package io.newsflow.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several window sizes at once, windows closed on the wall clock, and the articles behind each keyword. */
class TrendWindowsTest {

  private static final Duration EMIT = Duration.ofSeconds(1);

  @TempDir
  Path stateDir;

  private TrendsDriver driver;

  @AfterEach
  void close() {
    driver.close();
  }

  private void start(Map<String, String> settings) {
    driver = new TrendsDriver(stateDir, settings);
  }

  @Test
  void eachWindowSizeIsPublishedUnderItsOwnKeyWithItsSize() {
    start(Map.of("newsflow.trends.windows", "PT5M,PT1H", "newsflow.trends.grace", "PT10M"));
    driver.count("a1", Instant.parse("2025-02-24T10:02:00Z"), "Zephyra", "Kestrel");

    driver.advanceWallClock(EMIT);

    List<TestRecord<String, TrendSnapshot>> out = driver.trends().readRecordsToList();
    assertThat(out).extracting(TestRecord::key)
        .containsExactly("PT5M/2025-02-24T10:00:00Z", "PT1H/2025-02-24T10:00:00Z");
    assertThat(out).extracting(r -> r.value().getWindowSize(), r -> r.value().getWindowEnd())
        .containsExactly(tuple("PT5M", Instant.parse("2025-02-24T10:05:00Z")),
            tuple("PT1H", Instant.parse("2025-02-24T11:00:00Z")));
    assertThat(out).allSatisfy(r -> assertThat(r.value().getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount)
        .containsExactly(tuple("Zephyra", 1L), tuple("Kestrel", 1L)));
  }

  @Test
  void articleTooLateForTheShortWindowStillCountsInTheLongOneAndTooLateForBothIsADeadLetter() {
    start(Map.of("newsflow.trends.windows", "PT5M,PT1H", "newsflow.trends.grace", "PT10M"));
    driver.count("a1", Instant.parse("2025-02-24T10:02:00Z"), "Zephyra");
    driver.count("a2", Instant.parse("2025-02-24T10:20:00Z"), "Kestrel");
    // Stream time 10:20 closed [10:00, 10:05) + 10 minutes of grace.
    assertThat(driver.trends().readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getFinal$())
        .containsExactly(tuple("PT5M/2025-02-24T10:00:00Z", true));

    driver.count("a3", Instant.parse("2025-02-24T10:03:00Z"), "Zephyra");
    driver.advanceWallClock(EMIT);

    assertThat(driver.deadLetters().isEmpty()).isTrue();
    Map<String, TrendSnapshot> latest = driver.latest();
    assertThat(latest.get("PT1H/2025-02-24T10:00:00Z").getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount, TrendEntry::getTopArticles)
        .containsExactly(tuple("Zephyra", 2L, List.of("a1", "a3")), tuple("Kestrel", 1L, List.of("a2")));
    assertThat(latest).doesNotContainKey("PT5M/2025-02-24T10:00:00Z");

    // Stream time 11:11 closes the hour [10:00, 11:00); finals go out in order of window end, then size.
    driver.count("a4", Instant.parse("2025-02-24T11:11:00Z"), "Orlen");
    assertThat(driver.trends().readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getFinal$())
        .containsExactly(tuple("PT5M/2025-02-24T10:20:00Z", true), tuple("PT1H/2025-02-24T10:00:00Z", true));
    driver.count("a5", Instant.parse("2025-02-24T10:50:00Z"), "Zephyra");

    DeadLetter letter = driver.deadLetters().readValue();
    assertThat(letter.getReason()).isEqualTo("late: event time 2025-02-24T10:50:00Z is past the grace period of "
        + "window PT5M [2025-02-24T10:50:00Z, 2025-02-24T10:55:00Z) and window PT1H [2025-02-24T10:00:00Z, "
        + "2025-02-24T11:00:00Z), stream time is 2025-02-24T11:11:00Z");
    assertThat(letter.getStage()).isEqualTo("trends");
  }

  @Test
  void quietInputStillClosesWindowsOnTheWallClockAndReemitsTheOpenOnesWithTheNewHistory() {
    // Event times just before the driver's wall clock (2025-03-01T00:00Z), as on a live feed.
    start(Map.of("newsflow.trends.windows", "PT1H", "newsflow.trends.grace", "PT30M",
        "newsflow.trends.idle-close", "PT15M", "newsflow.trends.emit-interval", "PT1S"));
    Instant h22 = Instant.parse("2025-02-28T22:00:00Z");
    Instant h23 = Instant.parse("2025-02-28T23:00:00Z");
    driver.articles(4, h22.plusSeconds(60), "Zephyra");
    driver.articles(2, h23.plusSeconds(60), "Zephyra");
    driver.articles(2, h23.plusSeconds(120), "Kestrel");

    driver.advanceWallClock(EMIT);
    // Stream time 23:02 is short of 23:30, the end plus grace of [22:00, 23:00): both windows are open. Without
    // history, Kestrel and Zephyra tie on everything but their name.
    Map<String, TrendSnapshot> open = driver.latest();
    assertThat(open.keySet()).containsExactly("PT1H/2025-02-28T22:00:00Z", "PT1H/2025-02-28T23:00:00Z");
    assertThat(open.get("PT1H/2025-02-28T23:00:00Z").getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getExpected).containsExactly(
            tuple("Kestrel", 0.0), tuple("Zephyra", 0.0));

    // Nothing changed and nothing came: no snapshot, however often the wall clock ticks.
    driver.advanceWallClock(Duration.ofMinutes(10));
    assertThat(driver.trends().isEmpty()).isTrue();

    // 15 minutes without input: [22:00, 23:00) ended (plus grace) before the wall clock minus 15 minutes and
    // closes; [23:00, 00:00) does not (00:30 + 15 minutes is still ahead) and is published again, now
    // expecting Zephyra, which was in every article of the closed window, in all 4 of its articles.
    // Its score: (2 - 4) / sqrt(4 + 1 + (0.3 x 4)^2) = -0.7881.
    driver.advanceWallClock(Duration.ofMinutes(5));
    List<KeyValue<String, TrendSnapshot>> out = driver.trends().readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key, kv -> kv.value.getFinal$()).containsExactly(
        tuple("PT1H/2025-02-28T22:00:00Z", true), tuple("PT1H/2025-02-28T23:00:00Z", false));
    assertThat(out.get(1).value.getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount, TrendEntry::getExpected,
            TrendEntry::getScore)
        .containsExactly(tuple("Kestrel", 2L, 0.0, 2.0), tuple("Zephyra", 2L, 4.0, -0.7881));

    // The closed window takes nothing more, though stream time alone would still let it in.
    driver.count("late", h22.plusSeconds(30 * 60), "Zephyra");
    assertThat(driver.deadLetters().readValue().getReason()).isEqualTo("late: event time 2025-02-28T22:30:00Z "
        + "falls in window [2025-02-28T22:00:00Z, 2025-02-28T23:00:00Z), closed on the wall clock while the input "
        + "was idle, stream time is 2025-02-28T23:02:00Z");

    // [23:00, 00:00) ended plus grace at 00:30; it closes on the wall clock once the input has been quiet for
    // 15 minutes and the wall clock is 15 minutes past 00:30.
    driver.advanceWallClock(Duration.ofMinutes(25));
    assertThat(driver.trends().isEmpty()).isTrue();
    driver.count("fresh", h23.plusSeconds(40 * 60), "Kestrel");
    driver.advanceWallClock(Duration.ofMinutes(10));
    // 00:50: past 00:45, but input came 10 minutes ago; the window changed and is published open.
    assertThat(driver.trends().readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getFinal$())
        .containsExactly(tuple("PT1H/2025-02-28T23:00:00Z", false));
    driver.advanceWallClock(Duration.ofMinutes(5));
    assertThat(driver.trends().readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getFinal$())
        .containsExactly(tuple("PT1H/2025-02-28T23:00:00Z", true));
  }

  @Test
  void aJumpInStreamTimeClosesTheWindowsInOrderEightPerCall() {
    start(Map.of("newsflow.trends.windows", "PT1H", "newsflow.trends.grace", "PT12H"));
    Instant day = Instant.parse("2025-02-24T00:00:00Z");
    for (int hour = 0; hour < 12; hour++) {
      driver.count("h" + hour, day.plus(Duration.ofHours(hour)).plusSeconds(60), "Zephyra");
    }
    assertThat(driver.trends().isEmpty()).isTrue();

    // Two days later: all twelve hours are due; eight close with this article, the rest at the next tick.
    driver.count("later", day.plus(Duration.ofDays(2)), "Kestrel");
    List<KeyValue<String, TrendSnapshot>> first = driver.trends().readKeyValuesToList();
    driver.advanceWallClock(EMIT);
    List<KeyValue<String, TrendSnapshot>> rest = driver.trends().readKeyValuesToList();

    assertThat(first).extracting(kv -> kv.key).containsExactly("PT1H/2025-02-24T00:00:00Z",
        "PT1H/2025-02-24T01:00:00Z", "PT1H/2025-02-24T02:00:00Z", "PT1H/2025-02-24T03:00:00Z",
        "PT1H/2025-02-24T04:00:00Z", "PT1H/2025-02-24T05:00:00Z", "PT1H/2025-02-24T06:00:00Z",
        "PT1H/2025-02-24T07:00:00Z");
    assertThat(rest).extracting(kv -> kv.key, kv -> kv.value.getFinal$()).containsExactly(
        tuple("PT1H/2025-02-24T08:00:00Z", true), tuple("PT1H/2025-02-24T09:00:00Z", true),
        tuple("PT1H/2025-02-24T10:00:00Z", true), tuple("PT1H/2025-02-24T11:00:00Z", true),
        tuple("PT1H/2025-02-26T00:00:00Z", false));
    // Each final is scored against the hours before it, whichever call closed it.
    assertThat(first.get(0).value.getEntries().get(0).getExpected()).isEqualTo(0.0);
    assertThat(rest.get(0).value.getEntries().get(0))
        .extracting(TrendEntry::getKeyword, TrendEntry::getExpected, TrendEntry::getScore)
        .containsExactly("Zephyra", 1.0, 0.0);
  }

  @Test
  void eachEntryNamesTheThreeArticlesItWeighsMostIn() {
    start(Map.of("newsflow.trends.windows", "PT1H"));
    Instant t = Instant.parse("2025-02-24T10:00:00Z");
    driver.count("third-keyword", t.plusSeconds(60), "Orlen", "Kestrel", "Zephyra");
    driver.count("first-keyword", t.plusSeconds(120), "Zephyra", "Orlen");
    driver.count("second-keyword", t.plusSeconds(180), "Orlen", "Zephyra");
    driver.count("first-keyword-later", t.plusSeconds(240), "Zephyra");

    driver.advanceWallClock(EMIT);
    TrendEntry zephyra = zephyra(driver.trends().readValue());
    // Heaviest first (first keyword, then second), the earlier of equal weights first; three at most.
    assertThat(zephyra.getArticleCount()).isEqualTo(4);
    assertThat(zephyra.getTopArticles()).containsExactly("first-keyword", "first-keyword-later", "second-keyword");

    // A withdrawn article leaves the list; the tally keeps only three, so the fourth does not move up.
    driver.withdraw("first-keyword", t.plusSeconds(300));
    driver.advanceWallClock(EMIT);
    zephyra = zephyra(driver.trends().readValue());
    assertThat(zephyra.getArticleCount()).isEqualTo(3);
    assertThat(zephyra.getTopArticles()).containsExactly("first-keyword-later", "second-keyword");
  }

  private static TrendEntry zephyra(TrendSnapshot snapshot) {
    return snapshot.getEntries().stream().filter(e -> e.getKeyword().equals("Zephyra")).findFirst().orElseThrow();
  }
}
