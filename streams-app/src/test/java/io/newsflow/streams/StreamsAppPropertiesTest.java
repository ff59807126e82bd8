package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsAppPropertiesTest {

  @Test
  void exactlyOnceCommitsOnceASecondUnlessConfigured() {
    Properties defaults = StreamsApp.streamsProperties(Map.of("bootstrap.servers", "localhost:9092"));
    Properties configured = StreamsApp.streamsProperties(
        Map.of("bootstrap.servers", "localhost:9092", "commit.interval.ms", "100"));

    assertThat(defaults.get("processing.guarantee")).isEqualTo("exactly_once_v2");
    assertThat(defaults.get("commit.interval.ms")).isEqualTo("1000");
    assertThat(configured.get("commit.interval.ms")).isEqualTo("100");
  }
}
