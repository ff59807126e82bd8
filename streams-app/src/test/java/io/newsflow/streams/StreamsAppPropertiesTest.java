package io.newsflow.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.registry.testing.SecuredSettings;
import java.util.HashMap;
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

  @Test
  void kafkaStreamsAndTheAdminThatCreatesTheTopicsGetTheSecuritySettings() {
    Properties streams = StreamsApp.streamsProperties(SecuredSettings.application());

    assertThat(streams).containsAllEntriesOf(SecuredSettings.KAFKA);
    // OutputTopics creates its admin client from exactly this selection of the Streams properties.
    assertThat(KafkaClientSettings.admin(streams)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("bootstrap.servers", SecuredSettings.BOOTSTRAP_SERVERS)
        .doesNotContainKeys("schema.registry.url", "bearer.auth.token", "processing.guarantee");
  }

  @Test
  void everySerdeGetsTheRegistrysTlsAndBearerSettingsAndTheSharedSerdeSettings() {
    Map<String, String> config = SecuredSettings.application();
    config.put("auto.register.schemas", "false");
    Map<String, Object> expected = new HashMap<>(SecuredSettings.REGISTRY);
    expected.put("auto.register.schemas", "false");

    assertThat(StreamsApp.serdeConfig(config)).isEqualTo(expected);
  }
}
