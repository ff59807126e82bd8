package io.newsflow.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.ProducerConfig;
import io.newsflow.registry.testing.SecuredSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

  private final ProducerConfig config = ProducerConfig.builder()
      .bootstrapServers("localhost:9092")
      .schemaRegistryUrl("http://localhost:8081")
      .property("linger.ms", 5)
      .property("basic.auth.user.info", "user:secret")
      .build();

  @Test
  void producerIsDurableAndCompressedAndExtraPropertiesOverrideTheDefaults() {
    Map<String, Object> properties = ArticlePublisher.producerProperties(config);

    assertThat(properties)
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("compression.type", "zstd")
        .containsEntry("linger.ms", 5)
        .containsEntry("delivery.timeout.ms", 60_000)
        .doesNotContainKeys("schema.registry.url", "basic.auth.user.info");
  }

  @Test
  void serializerGetsTheRegistryUrlAndTheRegistryKeysOfTheExtraProperties() {
    assertThat(ArticlePublisher.serializerProperties(config))
        .isEqualTo(Map.of("schema.registry.url", "http://localhost:8081", "basic.auth.user.info", "user:secret"));
  }

  @Test
  void aWholeSecuredConfigurationGivesTheProducerItsKafkaSecurityAndTheSerializerItsRegistrySecurity() {
    ProducerConfig secured = ProducerConfig.builder()
        .bootstrapServers(SecuredSettings.BOOTSTRAP_SERVERS)
        .schemaRegistryUrl(SecuredSettings.REGISTRY.get("schema.registry.url"))
        .properties(SecuredSettings.application())
        .build();

    assertThat(ArticlePublisher.producerProperties(secured)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .doesNotContainKeys("schema.registry.ssl.truststore.location", "bearer.auth.token", "newsflow.trends.top-n");
    assertThat(ArticlePublisher.serializerProperties(secured)).isEqualTo(SecuredSettings.REGISTRY);
  }

  @Test
  void topicDefaultsToNewsRaw() {
    assertThat(config.topic()).isEqualTo("news.raw");
    assertThat(ProducerConfig.of("k:9092", "mock://t").topic()).isEqualTo("news.raw");
  }
}
