package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.ProducerConfig;
import io.newsflow.producer.publish.ArticlePublisher;
import io.newsflow.registry.testing.SecuredSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Kafka client and registry client a command makes is given the user's security settings, from whichever
 * configuration layer they come, and none is given another component's keys.
 */
class ClientSettingsPassThroughTest {

  @TempDir
  Path dir;

  /** The secured settings as a user spreads them: the Kafka ones in a file, the registry ones in the environment. */
  private Map<String, String> resolved() throws IOException {
    Path file = dir.resolve("newsflow.properties");
    Files.writeString(file, SecuredSettings.KAFKA.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n")));
    Map<String, String> env = new HashMap<>();
    SecuredSettings.REGISTRY.forEach((key, value) ->
        env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
    return LayeredConfig.resolve(file, env, Map.of("newsflow.trends.top-n", "5"),
        SecuredSettings.BOOTSTRAP_SERVERS, null);
  }

  @Test
  void theLayersDeliverEverySecuredSettingAsWritten() throws IOException {
    assertThat(resolved()).isEqualTo(SecuredSettings.application());
  }

  @Test
  void produceGivesTheProducerTheKafkaSettingsAndTheSerializerTheRegistrySettings() throws IOException {
    ProducerConfig config = ProduceCommand.producerConfig(resolved(), "news.raw");

    assertThat(ArticlePublisher.producerProperties(config)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("bootstrap.servers", SecuredSettings.BOOTSTRAP_SERVERS)
        .doesNotContainKeys("schema.registry.url", "bearer.auth.token", "newsflow.trends.top-n");
    assertThat(ArticlePublisher.serializerProperties(config)).isEqualTo(SecuredSettings.REGISTRY);
  }

  @Test
  void tailsConsumerGetsTheKafkaSettings() throws IOException {
    assertThat(TailCommand.consumerConfig(resolved())).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("bootstrap.servers", SecuredSettings.BOOTSTRAP_SERVERS)
        .containsEntry("client.id", "newsflow-tail")
        .doesNotContainKeys("schema.registry.url", "bearer.auth.token");
  }

  @Test
  void verifyAndKeywordCandidatesReadWithTheKafkaAndTheRegistrySettings() throws IOException {
    OutputReaders readers = OutputReaders.of(resolved(), "newsflow-verify");

    assertThat(readers.clients()).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("client.id", "newsflow-verify")
        .doesNotContainKeys("schema.registry.url", "bearer.auth.token");
    assertThat(readers.serde()).isEqualTo(SecuredSettings.REGISTRY);
  }

  @Test
  void keywordCandidatesWritesDecisionsWithTheKafkaSettings() throws IOException {
    assertThat(LearnedNouns.producerConfig(resolved())).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("acks", "all")
        .doesNotContainKeys("schema.registry.url", "bearer.auth.token");
  }

  @Test
  void theDemosWatcherAndLagCheckGetTheKafkaSettingsOfTheDemosConfiguration() {
    Map<String, String> demo = SecuredSettings.application();
    demo.put("application.id", "newsflow-demo");

    assertThat(DemoWatcher.consumerConfig(demo)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("isolation.level", "read_committed")
        .doesNotContainKeys("schema.registry.url", "application.id");
    assertThat(PipelineLag.adminConfig(demo)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .doesNotContainKeys("schema.registry.url", "application.id");
  }
}
