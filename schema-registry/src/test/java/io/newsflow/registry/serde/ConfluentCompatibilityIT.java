package io.newsflow.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.RawArticle;
import io.newsflow.registry.client.HttpSchemaRegistryClient;
import io.newsflow.registry.client.RegisteredSchema;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.server.SchemaRegistryServer;
import io.newsflow.registry.testing.Fixtures;
import io.newsflow.registry.testing.RestCalls;
import io.newsflow.registry.testing.RestCalls.Answer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Our serde and client against a real Confluent Schema Registry (and real Kafka) in containers, and our embedded
 * server compared answer for answer with Confluent's. Skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentCompatibilityIT {

  private static final Network NETWORK = Network.newNetwork();

  @Container
  private static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.0"))
      .withNetwork(NETWORK)
      .withListener("kafka:19092");

  @Container
  private static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0"))
          .withNetwork(NETWORK)
          .withNetworkAliases("schema-registry")
          .withExposedPorts(8081)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
          .dependsOn(KAFKA)
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

  private static String registryUrl() {
    return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
  }

  @Test
  void ourSerdeWritesThroughConfluentsRegistryAndReadsBack() {
    String topic = "compat.raw";
    Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(serdeConfig, false);
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
        new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(topic, 0, "yna-0001", Fixtures.rawArticle())).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    byte[] value = readOne(topic);
    Answer latest = new RestCalls(registryUrl()).get("/subjects/compat.raw-value/versions/latest");
    int confluentId = latest.json().get("id").asInt();
    AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class);
    deserializer.configure(serdeConfig, false);

    assertThat(value[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(value, 1, 4).getInt()).isEqualTo(confluentId);
    assertThat(deserializer.deserialize(topic, value)).isEqualTo(Fixtures.rawArticle());
    assertThat(latest.json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void theSchemaConfluentStoresIsTheOneWeRegisteredToTheByte() {
    SchemaRegistryClient client = HttpSchemaRegistryClient.create(registryUrl(), Map.of());
    int id = client.register("bytes.raw-value", RawArticle.getClassSchema());

    String stored = new RestCalls(registryUrl()).get("/schemas/ids/" + id).json().get("schema").asText();

    assertThat(new Schema.Parser().parse(stored)).isEqualTo(RawArticle.getClassSchema());
    assertThat(stored).isEqualTo(RawArticle.getClassSchema().toString());
    assertThat(client.getLatest("bytes.raw-value"))
        .isEqualTo(new RegisteredSchema("bytes.raw-value", 1, id, RawArticle.getClassSchema()));
    assertThat(client.lookup("bytes.raw-value", RawArticle.getClassSchema()).id()).isEqualTo(id);
  }

  @Test
  void ourServerAnswersLikeConfluentsForTheSameCalls() {
    try (SchemaRegistryServer ours = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory())) {
      RestCalls confluent = new RestCalls(registryUrl());
      RestCalls embedded = new RestCalls(ours.url());
      String schema = RestCalls.pretty(RawArticle.getClassSchema().toString());
      String subject = "/subjects/diff.raw-value";

      int confluentId = confluent.postSchema(subject + "/versions", schema).json().get("id").asInt();
      int ourId = embedded.postSchema(subject + "/versions", schema).json().get("id").asInt();

      assertSameAnswer(confluent.get("/schemas/ids/" + confluentId), embedded.get("/schemas/ids/" + ourId));
      assertSameAnswer(withoutId(confluent.get(subject + "/versions/latest")),
          withoutId(embedded.get(subject + "/versions/latest")));
      assertSameAnswer(withoutId(confluent.postSchema(subject, schema)), withoutId(embedded.postSchema(subject, schema)));
      assertSameAnswer(confluent.get(subject + "/versions"), embedded.get(subject + "/versions"));
      assertSameAnswer(confluent.get(subject + "/versions/1/schema"), embedded.get(subject + "/versions/1/schema"));
      assertSameAnswer(confluent.get("/config"), embedded.get("/config"));
      assertSameAnswer(confluent.postSchema("/compatibility" + subject + "/versions/latest", schema),
          embedded.postSchema("/compatibility" + subject + "/versions/latest", schema));
      assertSameError(confluent.get("/schemas/ids/987654"), embedded.get("/schemas/ids/987654"));
      assertSameError(confluent.get("/subjects/nobody-value/versions"), embedded.get("/subjects/nobody-value/versions"));
      assertSameError(confluent.get(subject + "/versions/42"), embedded.get(subject + "/versions/42"));
      assertSameError(confluent.postSchema(subject + "/versions", "{\"type\":\"recrod\"}"),
          embedded.postSchema(subject + "/versions", "{\"type\":\"recrod\"}"));
      assertSameError(confluent.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"),
          embedded.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"));
    }
  }

  private static void assertSameAnswer(Answer confluent, Answer ours) {
    assertThat(ours.status()).isEqualTo(confluent.status());
    if (confluent.json() != null) {
      assertThat(ours.json()).isEqualTo(confluent.json());
    } else {
      assertThat(ours.text()).isEqualTo(confluent.text());
    }
  }

  private static void assertSameError(Answer confluent, Answer ours) {
    assertThat(ours.status()).as("status, Confluent said %s", confluent.text()).isEqualTo(confluent.status());
    assertThat(ours.json().get("error_code").asInt()).as("error_code, Confluent said %s", confluent.text())
        .isEqualTo(confluent.json().get("error_code").asInt());
  }

  private static Answer withoutId(Answer answer) {
    ObjectNode json = ((ObjectNode) answer.json()).deepCopy();
    json.remove("id");
    return new Answer(answer.status(), answer.contentType(), json.toString(), json);
  }

  private static byte[] readOne(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      assertThat(records).hasSize(1);
      return records.get(0).value();
    }
  }
}
