package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicationTest {

  private static final Instant T0 = Instant.parse("2025-02-24T10:05:00Z");
  private static final String URL = "https://news.example.com/2025/02/24/zephyra-harbour";
  private static final String TITLE = "Zephyra opens a harbour office in Valdmoor";
  /** Long enough (30 words) to identify an article by itself; see the dedup package on short bodies. */
  private static final String BODY = "Zephyra opened a harbour office in Valdmoor on Monday.\n"
      + "The Zephyra office is the first one that Zephyra has opened outside of Orlen.\n"
      + "Its manager said the office would also serve the ships that sail between the northern ports.";

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
  void articleWithTheUrlOfAnEarlierOneIsReportedAsUrlDuplicateAndNotPublished() {
    harness = TopologyHarness.start(stateDir);
    harness.send(RawArticles.json("first", URL, TITLE, BODY, T0));
    harness.send(RawArticles.json("second", URL, "Zephyra in Valdmoor, updated",
        "A different text about the Zephyra office, from another desk.", T0.plusSeconds(600)));

    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("first");
    assertThat(harness.duplicates().readKeyValuesToList()).containsExactly(KeyValue.pair("second",
        notice("second", "first", DuplicateKind.EXACT_URL)));
    assertThat(harness.deadLetters().isEmpty()).isTrue();
  }

  @Test
  void trackingParametersDoNotHideAUrlDuplicate() {
    harness = TopologyHarness.start(stateDir);
    harness.send(RawArticles.json("first", URL, TITLE, BODY, T0));
    harness.send(RawArticles.json("via-newsletter", "HTTPS://News.Example.com:443" + URL.substring(24)
            + "/?utm_source=newsletter&utm_medium=email#top",
        "Zephyra in Valdmoor", "The newsletter version of the Zephyra story, reworded.", T0.plusSeconds(60)));

    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("first");
    assertThat(harness.duplicates().readValuesToList())
        .containsExactly(notice("via-newsletter", "first", DuplicateKind.EXACT_URL));
  }

  @Test
  void sameBodyUnderAnotherUrlIsReportedAsContentDuplicate() {
    harness = TopologyHarness.start(stateDir);
    String rewrapped = "  Zephyra opened a harbour office   in Valdmoor\non Monday.\n\n"
        + "The Zephyra office is the first one\r\nthat Zephyra has opened outside of Orlen.  \n"
        + "Its manager said the office would also serve the ships\nthat sail between the northern ports.";
    harness.send(RawArticles.json("first", URL, TITLE, BODY, T0));
    harness.send(RawArticles.json("syndicated", "https://aggregator.example.org/item/9912",
        "Zephyra harbour office (syndicated)", rewrapped, T0.plusSeconds(1800)));

    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("first");
    assertThat(harness.duplicates().readKeyValuesToList()).containsExactly(KeyValue.pair("syndicated",
        notice("syndicated", "first", DuplicateKind.EXACT_CONTENT)));
  }

  @Test
  void articlesWithoutUrlsAreComparedByContent() {
    harness = TopologyHarness.start(stateDir);
    harness.send(RawArticles.json("no-url-1", null, TITLE, BODY, T0));
    harness.send(RawArticles.json("no-url-2", null, "Kestrel signs with Orlen",
        "Kestrel signed a supply deal with Orlen. Kestrel will ship from Valdmoor.", T0.plusSeconds(60)));
    harness.send(RawArticles.json("no-url-3", null, TITLE + " (copy)", BODY, T0.plusSeconds(120)));

    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("no-url-1", "no-url-2");
    assertThat(harness.duplicates().readValuesToList())
        .containsExactly(notice("no-url-3", "no-url-1", DuplicateKind.EXACT_CONTENT));
  }

  /** One window size, so that the trends topic holds one snapshot per window. */
  private static final Map<String, String> HOURLY = Map.of("newsflow.trends.windows", "PT1H");

  @Test
  void articlePublishedEarlierButSeenLaterTakesOverAndTheFirstSeenIsWithdrawn() {
    harness = TopologyHarness.start(stateDir, HOURLY);
    harness.send(RawArticles.json("seen-first", URL, TITLE, BODY, T0));
    harness.send(RawArticles.json("published-earlier", URL, TITLE, "An earlier draft about Zephyra and Kestrel.",
        T0.minus(Duration.ofMinutes(20))));
    harness.advanceWallClock(Duration.ofSeconds(1));

    // Earliest wins whatever the arrival order: both are published as they come, then the later one yields.
    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("seen-first", "published-earlier");
    assertThat(harness.duplicates().readValuesToList())
        .containsExactly(notice("seen-first", "published-earlier", DuplicateKind.EXACT_URL));
    // Only the earlier draft counts: its Kestrel, not the withdrawn article's Orlen.
    assertThat(harness.trends().readValue().getEntries())
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount, TrendEntry::getRank)
        .containsExactly(tuple("Zephyra", 1L, 1), tuple("Kestrel", 1L, 2), tuple("Valdmoor", 1L, 3));
  }

  @Test
  void sameUrlBeyondTheRetentionIsANewArticle() {
    harness = TopologyHarness.start(stateDir, Map.of("newsflow.dedup.retention", "PT1H"));
    harness.send(RawArticles.json("monday", URL, TITLE, BODY, T0));
    harness.send(RawArticles.json("tuesday", URL, "Zephyra office, one day on",
        "A day after opening, the Zephyra office in Valdmoor hired Kestrel staff.", T0.plus(Duration.ofDays(1))));

    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("monday", "tuesday");
    assertThat(harness.duplicates().isEmpty()).isTrue();
  }

  @Test
  void expiryGoesOnRoundAfterRoundAndKeepsWhatIsStillWithinTheRetention() {
    harness = TopologyHarness.start(stateDir, Map.of("newsflow.dedup.retention", "PT1H"));
    String[] days = {"monday", "tuesday", "wednesday", "thursday"};
    for (int day = 0; day < days.length; day++) {
      harness.send(RawArticles.json(days[day], URL, "Zephyra office, day " + day,
          "On day " + day + " the Zephyra office in Valdmoor hired " + (day + 2) + " Kestrel staff.",
          T0.plus(Duration.ofDays(day))));
    }
    // Thursday's re-post, ten minutes on: within the retention of thursday, whatever expired before it.
    harness.send(RawArticles.json("thursday-again", URL + "?utm_source=feed", "Zephyra office, day 3",
        "On day 3 the Zephyra office in Valdmoor hired 5 Kestrel staff.", T0.plus(Duration.ofDays(3)).plusSeconds(600)));

    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("monday", "tuesday", "wednesday", "thursday");
    assertThat(harness.duplicates().readValuesToList())
        .extracting(DuplicateNotice::getId, DuplicateNotice::getDuplicateOf)
        .containsExactly(tuple("thursday-again", "thursday"));
  }

  @Test
  void distinctArticlesAreBothPublishedAndCountedWhileDuplicatesAreNot() {
    harness = TopologyHarness.start(stateDir, HOURLY);
    harness.send(RawArticles.json("first", URL, TITLE, BODY, T0));
    harness.send(RawArticles.json("distinct", "https://news.example.com/2025/02/24/zephyra-ferry",
        "Zephyra ferry resumes", "The Zephyra ferry to Orlen resumed service this morning.", T0.plusSeconds(300)));
    harness.send(RawArticles.json("url-copy", URL, "Zephyra again", "Zephyra copy text.", T0.plusSeconds(400)));
    harness.send(RawArticles.json("body-copy", "https://mirror.example.net/zephyra", TITLE, BODY,
        T0.plusSeconds(500)));

    harness.advanceWallClock(Duration.ofSeconds(1));

    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("first", "distinct");
    assertThat(harness.duplicates().readValuesToList()).containsExactly(
        notice("url-copy", "first", DuplicateKind.EXACT_URL),
        notice("body-copy", "first", DuplicateKind.EXACT_CONTENT));
    List<TrendEntry> entries = harness.trends().readValue().getEntries();
    assertThat(entries).filteredOn(e -> e.getArticleCount() > 1)
        .extracting(TrendEntry::getKeyword, TrendEntry::getArticleCount, TrendEntry::getRank)
        .containsExactly(tuple("Zephyra", 2L, 1), tuple("Orlen", 2L, 2));
    assertThat(entries).extracting(TrendEntry::getKeyword).doesNotContain("again", "copy", "text");
  }

  private static DuplicateNotice notice(String id, String duplicateOf, DuplicateKind kind) {
    return DuplicateNotice.newBuilder()
        .setId(id)
        .setDuplicateOf(duplicateOf)
        .setKind(kind)
        .setDistance(null)
        .setDetectedAt(TopologyHarness.WALL_CLOCK_START)
        .build();
  }
}
