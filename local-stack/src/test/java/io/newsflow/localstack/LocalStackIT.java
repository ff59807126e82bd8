package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.RawArticle;
import io.newsflow.kafka.embedded.PortInUseException;
import io.newsflow.registry.serde.AvroSerde;
import io.newsflow.registry.serde.AvroSerdeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackIT {

    private static final String TOPIC = "news.raw";
    private static final String SUBJECT = TOPIC + "-value";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStack.Config.forTests());
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void avroArticleRoundTripsUnderTheSchemaIdRegisteredOverHttp() throws Exception {
        int id = register(stack, SUBJECT);
        stack.createTopics(Map.of(TOPIC, 3));
        RawArticle article = article("a-1");

        try (AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class)) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            try (KafkaProducer<String, RawArticle> producer =
                         new KafkaProducer<>(props, new StringSerializer(), serde.serializer())) {
                producer.send(new ProducerRecord<>(TOPIC, article.getId(), article)).get();
            }

            ConsumerRecord<String, byte[]> record = consumeOne(stack, TOPIC);
            byte[] value = record.value();
            assertThat(value[0]).isEqualTo((byte) 0);
            assertThat(ByteBuffer.wrap(value, 1, 4).getInt()).isEqualTo(id);
            assertThat(record.key()).isEqualTo("a-1");
            assertThat(serde.deserializer().deserialize(TOPIC, value)).isEqualTo(article);
        }
    }

    @Test
    void createTopicsKeepsExistingTopicsAndCreatesMissingOnes() throws Exception {
        stack.createTopics(Map.of("ct.first", 2));
        stack.createTopics(Map.of("ct.first", 5, "ct.second", 4));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(List.of("ct.first", "ct.second")).allTopicNames().get();
            assertThat(topics.get("ct.first").partitions()).hasSize(2);
            assertThat(topics.get("ct.second").partitions()).hasSize(4);
            assertThat(topics.get("ct.second").partitions().get(0).replicas()).hasSize(1);
        }
    }

    @Test
    void takenKafkaPortIsNamedWithTheOptionThatChangesIt() {
        int taken = stack.kafkaPort();
        LocalStack.Config config = new LocalStack.Config("localhost", taken, 0, null);

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOf(PortInUseException.class)
                .hasMessage("port " + taken + " is already in use (Kafka); choose another with --kafka-port");
    }

    @Test
    void takenRegistryPortIsNamedWithTheOptionThatChangesIt() {
        int taken = stack.registryPort();
        LocalStack.Config config = new LocalStack.Config("localhost", 0, taken, null);

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOf(PortInUseException.class)
                .hasMessage("port " + taken + " is already in use (schema registry); choose another with --registry-port");
    }

    @Test
    void restartOnTheSameDataDirStillServesTheSchemaId(@TempDir Path dataDir) throws Exception {
        LocalStack.Config config = new LocalStack.Config("localhost", 0, 0, dataDir);
        int id;
        try (LocalStack first = LocalStack.start(config)) {
            id = register(first, SUBJECT);
        }
        assertThat(dataDir.resolve("kafka/kafka-logs/meta.properties")).exists();

        try (LocalStack second = LocalStack.start(config)) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(second.schemaRegistryUrl() + "/schemas/ids/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            String served = JSON.readTree(response.body()).get("schema").asText();
            assertThat(new org.apache.avro.Schema.Parser().parse(served)).isEqualTo(RawArticle.getClassSchema());
            assertThat(register(second, SUBJECT)).isEqualTo(id);
        }
    }

    private static int register(LocalStack target, String subject) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("schema", RawArticle.getClassSchema().toString()));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(target.schemaRegistryUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        return json.get("id").asInt();
    }

    private static RawArticle article(String id) {
        return RawArticle.newBuilder()
                .setId(id)
                .setSource("fixtures/portal.txt")
                .setUrl("https://news.example/a/1")
                .setContentType("text/plain")
                .setBody("반도체 수출이 석 달 연속 늘었다.")
                .setTitle("반도체 수출 증가")
                .setPublishedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setFetchedAt(Instant.ofEpochMilli(1_700_000_060_000L))
                .setAttributes(Map.of("section", "economy"))
                .build();
    }

    private static ConsumerRecord<String, byte[]> consumeOne(LocalStack target, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("a record on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
