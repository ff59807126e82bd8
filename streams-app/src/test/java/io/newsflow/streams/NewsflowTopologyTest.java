package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.normalize.Fingerprint;
import io.newsflow.streams.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsflowTopologyTest {

  private static final Instant SEED_FETCHED_AT = Instant.parse("2025-02-24T09:30:00Z");
  private static final Instant SEED_PUBLISHED_AT = Instant.parse("2025-02-24T08:04:00Z");

  @TempDir
  Path stateDir;

  private TopologyHarness harness;

  @BeforeEach
  void startTopology() {
    harness = TopologyHarness.start(stateDir);
  }

  @AfterEach
  void closeTopology() {
    harness.close();
  }

  @Test
  void seedArticleArrivesOnArticlesNormalizedAndKeyedById() {
    harness.send(seed(), SEED_PUBLISHED_AT);

    List<TestRecord<String, Article>> out = harness.articles().readRecordsToList();

    assertThat(out).hasSize(1);
    TestRecord<String, Article> record = out.get(0);
    Article article = record.value();
    assertThat(record.key()).isEqualTo("seed-000");
    assertThat(record.getRecordTime()).isEqualTo(SEED_PUBLISHED_AT);
    assertThat(article.getId()).isEqualTo("seed-000");
    assertThat(article.getTitle()).isEqualTo("美·中 AI 패권 경쟁 '2라운드' 전운...한국은?");
    assertThat(article.getPublisher()).isEqualTo("파이낸셜뉴스");
    assertThat(article.getSection()).isEqualTo("IT IT일반");
    assertThat(article.getAuthors()).containsExactly("주원규");
    assertThat(article.getPublishedAt()).isEqualTo(SEED_PUBLISHED_AT);
    assertThat(article.getUpdatedAt()).isEqualTo(SEED_PUBLISHED_AT);
    assertThat(article.getFetchedAt()).isEqualTo(SEED_FETCHED_AT);
    assertThat(article.getLanguage()).isEqualTo("ko");
    assertThat(article.getUrl()).isNull();
    assertThat(article.getRevision()).isZero();
    assertThat(article.getBody())
        .startsWith("미중 인공지능(AI) 패권 경쟁이 한층 더 격화되는 양상을 보이고 있다.")
        .endsWith("지금까지 밝혀진 투자 규모로는 선두 국가와 경쟁하기 어렵다\"고 강조했다.")
        .doesNotContain("wongood@fnnews.com", "[파이낸셜뉴스]");
    assertThat(article.getFingerprint()).isEqualTo(Fingerprint.of(article.getBody()));
    assertThat(harness.duplicates().isEmpty()).isTrue();
    assertThat(harness.deadLetters().isEmpty()).isTrue();
  }

  @Test
  void seedArticleKeywordsKeepUnknownNamesWholeAndDropTheirParticles() {
    harness.send(seed(), SEED_PUBLISHED_AT);

    List<String> keywords = harness.articles().readValue().getKeywords();

    assertThat(keywords).hasSizeLessThanOrEqualTo(StreamsSettings.defaults().keywordsPerArticle())
        .contains("딥시크", "바이트댄스", "알리바바")
        .doesNotContain("딥시크가", "딥", "시크", "바이트", "댄스")
        .doesNotHaveDuplicates();
  }

  @Test
  void keywordsPerArticleSettingCapsTheKeywordList() {
    harness.close();
    harness = TopologyHarness.start(stateDir, Map.of("newsflow.keywords.per-article", "3"));

    harness.send(seed(), SEED_PUBLISHED_AT);

    assertThat(harness.articles().readValue().getKeywords()).hasSize(3).first().isEqualTo("AI");
  }

  @Test
  void articleWithoutPublicationTimeIsStampedWithItsFetchTime() {
    Instant fetched = Instant.parse("2025-02-24T10:00:00Z");
    RawArticle raw = RawArticle.newBuilder(RawArticles.json("undated-1", "https://news.example.com/undated",
            "Zephyra opens a harbour office", "Zephyra opened its harbour office in Valdmoor on Monday.",
            fetched))
        .setPublishedAt(null)
        .setFetchedAt(fetched)
        .build();

    harness.send(raw, fetched);

    TestRecord<String, Article> record = harness.articles().readRecord();
    assertThat(record.getRecordTime()).isEqualTo(fetched);
    assertThat(record.value().getPublishedAt()).isEqualTo(fetched);
  }

  @Test
  void publicationTimeFarInTheFutureFallsBackToTheFetchTime() {
    Instant fetched = Instant.parse("2025-02-28T10:00:00Z");
    Instant future = TopologyHarness.WALL_CLOCK_START.plusSeconds(3600);
    RawArticle raw = RawArticle.newBuilder(RawArticles.json("future-1", "https://news.example.com/future",
            "Zephyra opens a harbour office", "Zephyra opened its harbour office in Valdmoor on Monday.",
            future))
        .setFetchedAt(fetched)
        .build();

    harness.send(raw, fetched);

    TestRecord<String, Article> record = harness.articles().readRecord();
    assertThat(record.getRecordTime()).isEqualTo(fetched);
    assertThat(record.value().getPublishedAt()).isEqualTo(future);
  }

  /**
   * The seed as the producer sends it. The driver shares one stream time between all stages, so the raw
   * record carries the publication time: a later timestamp would close the seed's trend window at once.
   */
  private static RawArticle seed() {
    return RawArticles.portalText("seed-000", RawArticles.seedText(), SEED_FETCHED_AT);
  }

  @Test
  void internalTopicAndStoreNamesAreStable() {
    // Renaming a repartition topic or a store orphans the state of a running deployment, so the names are
    // part of the contract with operators.
    TopologyDescription description = NewsflowTopology.build(StreamsSettings.defaults(),
        new Topics(StreamsSettings.defaults().topics(), Map.of("schema.registry.url", "mock://names"))).describe();

    String text = description.toString();
    assertThat(text).contains(
        "dedup-by-match-key-repartition", "dedup-by-item-repartition", "trends-by-window-repartition",
        "dedup-match-index", "dedup-items", "dedup-items-by-time", "trend-keyword-tallies", "trend-open-windows",
        "trend-article-contributions", "trend-keyword-history", "trend-window-progress");
    assertThat(description.subtopologies()).hasSize(3);
  }
}
