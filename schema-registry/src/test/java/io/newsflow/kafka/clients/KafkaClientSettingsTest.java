package io.newsflow.kafka.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.registry.testing.SecuredSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which of an application's settings each kind of Kafka client is given. */
class KafkaClientSettingsTest {

  private static Map<String, String> tuned() {
    Map<String, String> all = SecuredSettings.application();
    all.putAll(Map.of("client.dns.lookup", "use_all_dns_ips", "linger.ms", "5", "isolation.level", "read_committed"));
    return all;
  }

  @Test
  void everyClientGetsTheSecuritySettingsAndTheConnectionSettingsItKnows() {
    Map<String, String> all = SecuredSettings.application();
    all.put("client.dns.lookup", "use_all_dns_ips");
    for (Map<String, Object> client : List.of(KafkaClientSettings.admin(all), KafkaClientSettings.producer(all),
        KafkaClientSettings.consumer(all))) {
      assertThat(client).containsAllEntriesOf(SecuredSettings.KAFKA)
          .containsEntry("bootstrap.servers", SecuredSettings.BOOTSTRAP_SERVERS)
          .containsEntry("client.dns.lookup", "use_all_dns_ips")
          .hasSize(SecuredSettings.KAFKA.size() + 2);
    }
  }

  @Test
  void eachClientGetsOnlyTheTuningOfItsOwnKind() {
    assertThat(KafkaClientSettings.producer(tuned())).containsEntry("linger.ms", "5")
        .doesNotContainKey("isolation.level");
    assertThat(KafkaClientSettings.consumer(tuned())).containsEntry("isolation.level", "read_committed")
        .doesNotContainKey("linger.ms");
    assertThat(KafkaClientSettings.admin(tuned())).doesNotContainKeys("linger.ms", "isolation.level");
  }

  @Test
  void aSecurityKeyNoClientDefinesStillPassesForThePluginThatReadsIt() {
    Map<String, String> all = Map.of("sasl.login.custom.region", "eu-west-1", "ssl.engine.custom.mode", "fips");

    assertThat(KafkaClientSettings.admin(all)).isEqualTo(all);
  }

  @Test
  void streamsPropertiesAreReadLikeAMap() {
    Properties streams = new Properties();
    streams.putAll(SecuredSettings.application());
    streams.put("application.id", "newsflow");

    assertThat(KafkaClientSettings.admin(streams)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .doesNotContainKey("application.id");
  }

  @Test
  void theSelectionIsANewMapTheCallerMayAddTo() {
    Map<String, Object> admin = KafkaClientSettings.admin(SecuredSettings.KAFKA);
    admin.put("client.id", "newsflow-test");

    assertThat(admin).containsEntry("client.id", "newsflow-test");
    assertThat(SecuredSettings.KAFKA).doesNotContainKey("client.id");
  }
}
