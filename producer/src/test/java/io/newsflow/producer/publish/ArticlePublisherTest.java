package io.newsflow.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.ProducerConfig;
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
        .containsEntry("basic.auth.user.info", "user:secret")
        .doesNotContainKey("schema.registry.url");
  }

  @Test
  void serializerGetsTheRegistryUrlAndTheExtraProperties() {
    assertThat(ArticlePublisher.serializerProperties(config))
        .containsEntry("schema.registry.url", "http://localhost:8081")
        .containsEntry("basic.auth.user.info", "user:secret");
  }

  @Test
  void topicDefaultsToNewsRaw() {
    assertThat(config.topic()).isEqualTo("news.raw");
    assertThat(ProducerConfig.of("k:9092", "mock://t").topic()).isEqualTo("news.raw");
  }
}
