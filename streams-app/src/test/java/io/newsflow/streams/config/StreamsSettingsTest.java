package io.newsflow.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.streams.dedup.NearRules;
import io.newsflow.streams.trends.Scoring;
import io.newsflow.streams.trends.TrendSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  @Test
  void defaultsBoundStateAndMemory() {
    StreamsSettings settings = StreamsSettings.defaults();

    assertThat(settings.dedupRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.nearRules()).isEqualTo(new NearRules(3, 0.9, 0.5));
    assertThat(settings.maxCandidates()).isEqualTo(1000);
    assertThat(settings.blockCacheBytes()).isEqualTo(64L << 20);
    assertThat(settings.writeBufferBytes()).isEqualTo(16L << 20);
  }

  @Test
  void dedupAndMemorySettingsAreRead() {
    StreamsSettings settings = StreamsSettings.from(Map.of(
        "newsflow.dedup.retention", "P2D",
        "newsflow.dedup.near.max-distance", "5",
        "newsflow.dedup.near.min-containment", "0.95",
        "newsflow.dedup.near.min-resemblance", "0.6",
        "newsflow.dedup.max-candidates", "50",
        "newsflow.rocksdb.block-cache", "1GiB",
        "newsflow.rocksdb.write-buffers", "256m"));

    assertThat(settings.dedupRetention()).isEqualTo(Duration.ofDays(2));
    assertThat(settings.nearRules()).isEqualTo(new NearRules(5, 0.95, 0.6));
    assertThat(settings.maxCandidates()).isEqualTo(50);
    assertThat(settings.blockCacheBytes()).isEqualTo(1L << 30);
    assertThat(settings.writeBufferBytes()).isEqualTo(256L << 20);
    assertThat(StreamsSettings.KEYS).contains("newsflow.dedup.near.max-distance", "newsflow.rocksdb.block-cache");
  }

  @Test
  void caughtUpThreadsCommitAtOnceUnlessTurnedOff() {
    assertThat(StreamsSettings.commitWhenCaughtUp(Map.of())).isTrue();
    assertThat(StreamsSettings.commitWhenCaughtUp(Map.of("newsflow.commit.when-caught-up", "FALSE"))).isFalse();
    assertThatThrownBy(() -> StreamsSettings.commitWhenCaughtUp(Map.of("newsflow.commit.when-caught-up", "no")))
        .hasMessage("newsflow.commit.when-caught-up=no is not true or false");
    assertThat(StreamsSettings.KEYS).contains("newsflow.commit.when-caught-up");
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.dedup.near.min-containment", "1.5")))
        .hasMessage("newsflow.dedup.near.min-containment=1.5 is not between 0 and 1");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.rocksdb.block-cache", "lots")))
        .hasMessage("newsflow.rocksdb.block-cache=lots is not a size such as 64MiB");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.rocksdb.write-buffers", "128MiB")))
        .hasMessage("newsflow.rocksdb.write-buffers must be positive and at most newsflow.rocksdb.block-cache");
  }

  @Test
  void trendDefaultsCountFiveMinuteAndHourWindowsAndScoreAgainstHistory() {
    TrendSettings trends = StreamsSettings.defaults().trends();

    assertThat(trends.windows()).containsExactly(Duration.ofMinutes(5), Duration.ofHours(1));
    assertThat(StreamsSettings.defaults().trendWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(trends.grace()).isEqualTo(Duration.ofMinutes(10));
    assertThat(trends.topN()).isEqualTo(20);
    assertThat(trends.emitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(trends.idleClose()).isEqualTo(Duration.ofMinutes(15));
    assertThat(trends.scoring()).isEqualTo(new Scoring(0.2, 1.0, 0.3, 3.0, 3, 3));
    assertThat(trends.historyMaxKeywords()).isEqualTo(100_000);
  }

  @Test
  void trendSettingsAreRead() {
    TrendSettings trends = StreamsSettings.from(Map.of(
        "newsflow.trends.windows", "P1D, PT1H",
        "newsflow.trends.grace", "P3D",
        "newsflow.trends.idle-close", "PT1H",
        "newsflow.trends.min-score", "4.5",
        "newsflow.trends.min-count", "5",
        "newsflow.trends.history-alpha", "0.3",
        "newsflow.trends.prior", "2",
        "newsflow.trends.dispersion", "0.5",
        "newsflow.trends.warm-up", "0",
        "newsflow.trends.history-max-keywords", "5000")).trends();

    assertThat(trends.windows()).containsExactly(Duration.ofDays(1), Duration.ofHours(1));
    assertThat(trends.grace()).isEqualTo(Duration.ofDays(3));
    assertThat(trends.idleClose()).isEqualTo(Duration.ofHours(1));
    assertThat(trends.scoring()).isEqualTo(new Scoring(0.3, 2.0, 0.5, 4.5, 5, 0));
    assertThat(trends.historyMaxKeywords()).isEqualTo(5000);
    assertThat(StreamsSettings.KEYS).contains("newsflow.trends.windows", "newsflow.trends.min-score",
        "newsflow.trends.idle-close");
  }

  @Test
  void theOlderSingleWindowKeyStillSetsOneSize() {
    assertThat(StreamsSettings.from(Map.of("newsflow.trends.window", "PT30M")).trendWindows())
        .containsExactly(Duration.ofMinutes(30));
    assertThat(StreamsSettings.from(Map.of("newsflow.trends.window", "PT30M", "newsflow.trends.windows", "PT1H"))
        .trendWindows()).containsExactly(Duration.ofHours(1));
  }

  @Test
  void badTrendValuesAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.trends.windows", "PT1H,soon")))
        .hasMessage("newsflow.trends.windows=soon is not an ISO-8601 duration such as PT1H");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.trends.windows", "PT1H,PT60M")))
        .hasMessage("newsflow.trends.windows names a size twice: [PT1H, PT1H]");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.trends.windows", " ")))
        .hasMessage("newsflow.trends.windows must name at least one window size");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.trends.history-alpha", "0")))
        .hasMessage("newsflow.trends.history-alpha must be in (0, 1], not 0.0");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.trends.min-score", "high")))
        .hasMessage("newsflow.trends.min-score=high is not a number");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.trends.idle-close", "PT0S")))
        .hasMessage("newsflow.trends.idle-close must be positive");
  }

  @Test
  void aUserDictionaryThatCannotBeReadStopsTheAppAtStartNamingTheFile() {
    assertThatThrownBy(() -> StreamsSettings.from(Map.of(
        io.newsflow.streams.keywords.KeywordConfig.USER_DICTIONARY, "/nonexistent/user-dictionary.txt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/nonexistent/user-dictionary.txt");
  }
}
