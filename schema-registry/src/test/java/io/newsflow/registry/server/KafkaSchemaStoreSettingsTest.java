package io.newsflow.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.registry.testing.SecuredSettings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What the Kafka-backed store asks of Kafka: its topic's shape and its clients' settings. */
class KafkaSchemaStoreSettingsTest {

  private static final Map<String, Object> SECURITY = Map.of(
      "security.protocol", "SASL_SSL",
      "sasl.mechanism", "SCRAM-SHA-512",
      "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
      "ssl.truststore.location", "/etc/kafka/truststore.p12");

  private static final SchemaRegistryServer.Config KAFKA =
      new SchemaRegistryServer.Config("localhost", 0, "broker-1:9093", "_schemas");

  @Test
  void theTopicHasOnePartitionCompactionAndTheBrokersReplicationByDefault() {
    NewTopic topic = KafkaSchemaStore.newTopic(KAFKA);

    assertThat(topic.name()).isEqualTo("_schemas");
    assertThat(topic.numPartitions()).isEqualTo(1);
    assertThat(topic.replicationFactor()).isEqualTo((short) -1);
    assertThat(topic.configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
  }

  @Test
  void aConfiguredReplicationFactorAndMinInsyncReplicasGoOnTheTopic() {
    NewTopic topic = KafkaSchemaStore.newTopic(KAFKA.withReplicationFactor((short) 3).withMinInsyncReplicas(2));

    assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    assertThat(topic.configs()).isEqualTo(Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
  }

  @Test
  void clientSettingsReachProducerConsumerAndAdminUnderTheStoresEssentials() {
    Map<String, Object> overreaching = new HashMap<>(SECURITY);
    overreaching.putAll(Map.of("bootstrap.servers", "elsewhere:9092", "acks", "1", "enable.idempotence", "false",
        "key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer", "group.id", "shared",
        "enable.auto.commit", "true", "client.id", "registry-prod"));
    SchemaRegistryServer.Config config = KAFKA.withKafkaClientSettings(overreaching);

    Map<String, Object> producer = KafkaSchemaStore.producerConfig(config);
    Map<String, Object> consumer = KafkaSchemaStore.consumerConfig(config);
    Map<String, Object> admin = KafkaSchemaStore.adminConfig(config);

    assertThat(producer).containsAllEntriesOf(SECURITY)
        .containsEntry("bootstrap.servers", "broker-1:9093")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("key.serializer", StringSerializer.class)
        .containsEntry("client.id", "registry-prod");
    assertThat(consumer).containsAllEntriesOf(SECURITY)
        .containsEntry("bootstrap.servers", "broker-1:9093")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("key.deserializer", StringDeserializer.class)
        .doesNotContainKey("group.id");
    assertThat(admin).containsAllEntriesOf(SECURITY).containsEntry("bootstrap.servers", "broker-1:9093");
  }

  @Test
  void aWholeApplicationConfigurationGivesEachClientOnlyWhatItsKindTakes() {
    Map<String, String> application = SecuredSettings.application();
    application.putAll(Map.of("acks", "1", "isolation.level", "read_committed"));
    SchemaRegistryServer.Config config = KAFKA.withKafkaClientSettings(application);

    assertThat(KafkaSchemaStore.adminConfig(config)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .doesNotContainKeys("schema.registry.url", "bearer.auth.token", "acks", "isolation.level");
    assertThat(KafkaSchemaStore.consumerConfig(config)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("isolation.level", "read_committed").doesNotContainKeys("schema.registry.url", "acks");
    assertThat(KafkaSchemaStore.producerConfig(config)).containsAllEntriesOf(SecuredSettings.KAFKA)
        .containsEntry("acks", "all").doesNotContainKeys("schema.registry.url", "isolation.level");
  }

  @Test
  void withoutClientSettingsTheStoreKeepsItsOwnClientIds() {
    assertThat(KafkaSchemaStore.producerConfig(KAFKA)).containsEntry("client.id", "newsflow-schema-registry-store")
        .doesNotContainKey("security.protocol");
    assertThat(KafkaSchemaStore.consumerConfig(KAFKA)).containsEntry("client.id", "newsflow-schema-registry-replay");
    assertThat(KafkaSchemaStore.adminConfig(KAFKA))
        .isEqualTo(Map.of("bootstrap.servers", "broker-1:9093", "client.id", "newsflow-schema-registry-admin"));
  }
}
