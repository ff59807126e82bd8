package io.newsflow.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.registry.serde.AvroSerdeConfig;
import io.newsflow.registry.serde.AvroSerializer;
import io.newsflow.registry.testing.Fixtures;
import io.newsflow.registry.testing.RestCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kafka-backed store against a real broker: what is registered survives a registry restart. */
class KafkaSchemaStoreIT {

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Config.forTests());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void idsVersionsConfigAndDeletesSurviveARestart() {
    String topic = "_schemas-restart";
    String rawV1 = RawArticle.getClassSchema().toString();
    String rawV2 = withExtraField(rawV1);
    try (SchemaRegistryServer first = start(topic)) {
      RestCalls rest = new RestCalls(first.url());
      assertThat(rest.postSchema("/subjects/news.raw-value/versions", rawV1).text()).isEqualTo("{\"id\":1}");
      assertThat(rest.postSchema("/subjects/news.articles-value/versions", Article.getClassSchema().toString())
          .text()).isEqualTo("{\"id\":2}");
      assertThat(rest.postSchema("/subjects/news.raw-value/versions", rawV2).text()).isEqualTo("{\"id\":3}");
      assertThat(rest.postSchema("/subjects/copy-value/versions", rawV1).text()).isEqualTo("{\"id\":1}");
      assertThat(rest.postSchema("/subjects/gone-value/versions", rawV1).text()).isEqualTo("{\"id\":1}");
      assertThat(rest.delete("/subjects/gone-value").text()).isEqualTo("[1]");
      rest.put("/config/news.articles-value", "{\"compatibility\":\"NONE\"}");
      rest.put("/config", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
    }

    try (SchemaRegistryServer second = start(topic)) {
      RestCalls rest = new RestCalls(second.url());
      assertThat(rest.get("/subjects").text()).isEqualTo("[\"copy-value\",\"news.articles-value\",\"news.raw-value\"]");
      assertThat(rest.get("/subjects/news.raw-value/versions").text()).isEqualTo("[1,2]");
      assertThat(rest.get("/subjects/news.raw-value/versions/latest").text())
          .isEqualTo("{\"subject\":\"news.raw-value\",\"version\":2,\"id\":3,\"schema\":" + quote(rawV2) + "}");
      assertThat(rest.get("/schemas/ids/1").json().get("schema").asText()).isEqualTo(rawV1);
      assertThat(rest.get("/schemas/ids/2").json().get("schema").asText())
          .isEqualTo(Article.getClassSchema().toString());
      assertThat(rest.get("/schemas/ids/1/versions").text())
          .isEqualTo("[{\"subject\":\"copy-value\",\"version\":1},{\"subject\":\"news.raw-value\",\"version\":1}]");
      assertThat(rest.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
      assertThat(rest.get("/config/news.articles-value").text()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
      assertThat(rest.get("/subjects/gone-value/versions").status()).isEqualTo(404);

      assertThat(rest.postSchema("/subjects/gone-value/versions", rawV1).text()).isEqualTo("{\"id\":1}");
      assertThat(rest.get("/subjects/gone-value/versions").text()).isEqualTo("[2]");
      assertThat(rest.postSchema("/subjects/news.articles-value/versions", "\"string\"").text())
          .isEqualTo("{\"id\":4}");
    }
  }

  @Test
  void theTopicIsCreatedCompactedWithOnePartitionAndConfluentShapedRecords() throws Exception {
    String topic = "_schemas-shape";
    try (SchemaRegistryServer server = start(topic)) {
      new RestCalls(server.url()).postSchema("/subjects/news.raw-value/versions", "\"string\"");
      new RestCalls(server.url()).put("/config", "{\"compatibility\":\"NONE\"}");
    }

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
          .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      assertThat(description.partitions()).hasSize(1);
      assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
      assertThat(topicConfig(admin, topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).source())
          .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }
    assertThat(readAll(topic)).containsExactly(
        List.of("{\"keytype\":\"SCHEMA\",\"subject\":\"news.raw-value\",\"version\":1,\"magic\":1}",
            "{\"subject\":\"news.raw-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}"),
        List.of("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}"));
  }

  @Test
  void aConfiguredReplicationFactorAndMinInsyncReplicasAndClientSettingsAreUsed() throws Exception {
    String topic = "_schemas-replicated";
    SchemaRegistryServer.Config config = new SchemaRegistryServer.Config("localhost", 0, broker.bootstrapServers(),
        topic)
        .withReplicationFactor((short) 1)
        .withMinInsyncReplicas(1)
        .withKafkaClientSettings(Map.of("security.protocol", "PLAINTEXT", "client.id", "registry-it"));
    try (SchemaRegistryServer server = SchemaRegistryServer.start(config)) {
      assertThat(new RestCalls(server.url()).postSchema("/subjects/a-value/versions", "\"string\"").text())
          .isEqualTo("{\"id\":1}");
    }

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      ConfigEntry minInsync = topicConfig(admin, topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
      assertThat(description.partitions()).singleElement()
          .satisfies(partition -> assertThat(partition.replicas()).hasSize(1));
      assertThat(minInsync.value()).isEqualTo("1");
      assertThat(minInsync.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }
  }

  @Test
  void serdeRecordsGoThroughRealKafkaWithAKafkaBackedRegistry() {
    try (SchemaRegistryServer server = start("_schemas-serde")) {
      Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
      Map<String, Object> producerConfig = Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
          AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
      try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
          serializer(serdeConfig))) {
        producer.send(new ProducerRecord<>("news.raw", 0, "yna-0001", Fixtures.rawArticle())).get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class);
      deserializer.configure(serdeConfig, false);
      try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(consumerConfig(),
          new StringDeserializer(), deserializer)) {
        List<ConsumerRecord<String, RawArticle>> records = pollAll(consumer, "news.raw", 1);
        assertThat(records).singleElement().satisfies(record -> {
          assertThat(record.key()).isEqualTo("yna-0001");
          assertThat(record.value()).isEqualTo(Fixtures.rawArticle());
        });
      }
    }
  }

  private static AvroSerializer<RawArticle> serializer(Map<String, Object> config) {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private static SchemaRegistryServer start(String topic) {
    return SchemaRegistryServer.start(new SchemaRegistryServer.Config("localhost", 0, broker.bootstrapServers(),
        topic));
  }

  private static ConfigEntry topicConfig(Admin admin, String topic, String key) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key);
  }

  private static List<List<String>> readAll(String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
        new StringDeserializer())) {
      List<List<String>> pairs = new ArrayList<>();
      pollAll(consumer, topic, 2).forEach(record -> pairs.add(List.of(record.key(), record.value())));
      return pairs;
    }
  }

  private static <V> List<ConsumerRecord<String, V>> pollAll(KafkaConsumer<String, V> consumer, String topic,
      int expected) {
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (records.size() < expected && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private static Map<String, Object> consumerConfig() {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
  }

  private static String withExtraField(String schema) {
    return new Schema.Parser().parse(schema.substring(0, schema.length() - 2)
        + ",{\"name\":\"lang\",\"type\":\"string\",\"default\":\"und\"}]}").toString();
  }

  private static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }
}
