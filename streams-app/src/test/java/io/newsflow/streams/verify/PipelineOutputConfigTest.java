package io.newsflow.streams.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.registry.testing.SecuredSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of the consumers that read what the pipeline published. */
class PipelineOutputConfigTest {

  @Test
  void theConsumerGetsTheSecuritySettingsAndReadsCommittedWithoutAGroup() {
    Map<String, String> config = SecuredSettings.application();
    config.put("group.id", "shared");

    assertThat(PipelineOutput.consumerConfig(config)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("bootstrap.servers", SecuredSettings.BOOTSTRAP_SERVERS)
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false)
        .doesNotContainKeys("group.id", "schema.registry.url", "bearer.auth.token", "newsflow.trends.top-n");
  }
}
