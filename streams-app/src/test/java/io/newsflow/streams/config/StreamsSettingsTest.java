package io.newsflow.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.streams.dedup.NearRules;
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
  void badValuesAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.dedup.near.min-containment", "1.5")))
        .hasMessage("newsflow.dedup.near.min-containment=1.5 is not between 0 and 1");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.rocksdb.block-cache", "lots")))
        .hasMessage("newsflow.rocksdb.block-cache=lots is not a size such as 64MiB");
    assertThatThrownBy(() -> StreamsSettings.from(Map.of("newsflow.rocksdb.write-buffers", "128MiB")))
        .hasMessage("newsflow.rocksdb.write-buffers must be positive and at most newsflow.rocksdb.block-cache");
  }
}
