package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.streams.topics.TopicNames;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BrokerFootprintTest {

  private static final String APP = "newsflow-bench";
  private static final TopicPartition MATCH_0 = new TopicPartition(APP + "-dedup-by-match-key-repartition", 0);
  private static final TopicPartition MATCH_1 = new TopicPartition(APP + "-dedup-by-match-key-repartition", 1);
  private static final TopicPartition INDEX = new TopicPartition(APP + "-dedup-match-index-changelog", 0);
  private static final TopicPartition RAW = new TopicPartition("news.raw", 0);
  private static final TopicPartition ARTICLES = new TopicPartition("news.articles", 0);
  private static final TopicPartition TRENDS = new TopicPartition("news.trends", 0);
  private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 2);
  private static final TopicPartition SCHEMAS = new TopicPartition("_schemas", 0);

  @Test
  void growthIsSummedByKindOfTopicOverItsPartitions() {
    BrokerFootprint before = new BrokerFootprint(
        Map.of(MATCH_0, 100L, MATCH_1, 50L, INDEX, 10L, RAW, 7L, ARTICLES, 7L, OFFSETS, 3L),
        Map.of(MATCH_0, 10_000L, MATCH_1, 5_000L, INDEX, 2_000L, RAW, 700L, ARTICLES, 900L, OFFSETS, 300L));
    BrokerFootprint after = new BrokerFootprint(
        Map.of(MATCH_0, 160L, MATCH_1, 90L, INDEX, 40L, RAW, 12L, ARTICLES, 12L, TRENDS, 4L, OFFSETS, 5L,
            SCHEMAS, 1L),
        Map.of(MATCH_0, 16_000L, MATCH_1, 9_000L, INDEX, 5_000L, RAW, 1_200L, ARTICLES, 1_500L, TRENDS, 800L,
            OFFSETS, 250L, SCHEMAS, 120L));

    Map<String, BrokerFootprint.Growth> growth = after.growthSince(before, APP, TopicNames.defaults());

    assertThat(growth).containsExactly(
        Map.entry("repartition", new BrokerFootprint.Growth(100, 10_000)),
        Map.entry("changelog", new BrokerFootprint.Growth(30, 3_000)),
        Map.entry("news.raw", new BrokerFootprint.Growth(5, 500)),
        // news.trends appeared in the interval: it counts from nothing.
        Map.entry("outputs", new BrokerFootprint.Growth(9, 1_400)),
        // A log can shrink when the broker deletes or compacts segments.
        Map.entry("Kafka internal", new BrokerFootprint.Growth(2, -50)),
        Map.entry("other", new BrokerFootprint.Growth(1, 120)));
  }

  @Test
  void internalTopicsAreSummedOverPartitionsMostRecordsFirst() {
    BrokerFootprint before = new BrokerFootprint(Map.of(MATCH_0, 100L, MATCH_1, 50L, INDEX, 10L, RAW, 7L),
        Map.of(MATCH_0, 10_000L, MATCH_1, 5_000L, INDEX, 2_000L, RAW, 700L));
    BrokerFootprint after = new BrokerFootprint(Map.of(MATCH_0, 110L, MATCH_1, 55L, INDEX, 40L, RAW, 99L),
        Map.of(MATCH_0, 11_000L, MATCH_1, 5_500L, INDEX, 5_000L, RAW, 9_000L));

    assertThat(after.internalTopicsSince(before, APP, TopicNames.defaults())).containsExactly(
        Map.entry("dedup-match-index-changelog", new BrokerFootprint.Growth(30, 3_000)),
        Map.entry("dedup-by-match-key-repartition", new BrokerFootprint.Growth(15, 1_500)));
  }

  @Test
  void onlyTheAppsOwnInternalTopicsAreRepartitionOrChangelog() {
    TopicNames topics = TopicNames.defaults();

    assertThat(BrokerFootprint.kind(APP + "-trends-by-window-repartition", APP, topics)).isEqualTo("repartition");
    assertThat(BrokerFootprint.kind(APP + "-trend-counts-changelog", APP, topics)).isEqualTo("changelog");
    assertThat(BrokerFootprint.kind("other-app-trend-counts-changelog", APP, topics)).isEqualTo("other");
    assertThat(BrokerFootprint.kind("news.keyword-model", APP, topics)).isEqualTo("outputs");
    assertThat(BrokerFootprint.kind("__transaction_state", APP, topics)).isEqualTo("Kafka internal");
  }
}
