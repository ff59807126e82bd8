package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

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
    void readCommittedConsumerSeesOnlyCommittedTransactionsOnAThreePartitionTopic() throws Exception {
        createTopic(broker, "tx.events", 3);
        assertThat(partitionCount(broker, "tx.events")).isEqualTo(3);

        try (KafkaProducer<String, String> producer = transactionalProducer(broker, "tx-test")) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>("tx.events", i % 3, "k" + i, "committed-" + i));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx.events", 0, "k-aborted", "aborted"));
            producer.flush();
            producer.abortTransaction();
        }

        List<ConsumerRecord<String, String>> records = consumeAtLeast(broker, "tx.events", 6);
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
                "committed-0", "committed-1", "committed-2", "committed-3", "committed-4", "committed-5");
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
    }

    @Test
    void topicsCreatedOnFirstWriteGetThreePartitions() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(broker))) {
            producer.send(new ProducerRecord<>("auto.created", "k", "v")).get();
        }
        assertThat(partitionCount(broker, "auto.created")).isEqualTo(3);
    }

    @Test
    void exactlyOnceStreamsAppCopiesRecords() throws Exception {
        createTopic(broker, "eos.in", 3);
        createTopic(broker, "eos.out", 3);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("eos.in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> value.toUpperCase(java.util.Locale.ROOT))
                .to("eos.out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("eos-state").toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);

        try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(broker))) {
            streams.start();
            producer.send(new ProducerRecord<>("eos.in", "a", "alpha")).get();
            producer.send(new ProducerRecord<>("eos.in", "b", "beta")).get();

            List<ConsumerRecord<String, String>> records = consumeAtLeast(broker, "eos.out", 2);
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("ALPHA", "BETA");
        }
    }

    @Test
    void portInUseIsNamedInTheErrorBeforeKafkaStarts() {
        int taken = broker.port();
        EmbeddedKafkaBroker.Config config = new EmbeddedKafkaBroker.Config("localhost", taken, null, Map.of());

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(config))
                .isInstanceOf(PortInUseException.class)
                .hasMessage("port " + taken + " is already in use on localhost (Kafka)")
                .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(taken));
    }

    @Test
    void restartOnTheSameDataDirKeepsRecords(@TempDir Path dataDir) throws Exception {
        EmbeddedKafkaBroker.Config config = new EmbeddedKafkaBroker.Config("localhost", 0, dataDir, Map.of());
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(config)) {
            createTopic(first, "kept", 2);
            try (KafkaProducer<String, String> producer = transactionalProducer(first, "kept-tx")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("kept", 0, "k1", "first"));
                producer.send(new ProducerRecord<>("kept", 1, "k2", "second"));
                producer.commitTransaction();
            }
        }
        assertThat(dataDir.resolve("kafka-logs/meta.properties")).exists();

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(config)) {
            assertThat(partitionCount(second, "kept")).isEqualTo(2);
            List<ConsumerRecord<String, String>> records = consumeAtLeast(second, "kept", 2);
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("first", "second");
        }
    }

    @Test
    void closeDeletesTheTemporaryDataDir() {
        Path dataDir;
        try (EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Config.forTests())) {
            dataDir = temporary.dataDir();
            assertThat(dataDir.resolve("kafka-logs/meta.properties")).exists();
        }
        assertThat(dataDir).doesNotExist();
    }

    private static void createTopic(EmbeddedKafkaBroker target, String name, int partitions) throws Exception {
        try (Admin admin = admin(target)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private static int partitionCount(EmbeddedKafkaBroker target, String topic)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(target)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static Admin admin(EmbeddedKafkaBroker target) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()));
    }

    private static Properties producerProps(EmbeddedKafkaBroker target) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaBroker target, String txId) {
        Properties props = producerProps(target);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId);
        return new KafkaProducer<>(props);
    }

    private static List<ConsumerRecord<String, String>> consumeAtLeast(EmbeddedKafkaBroker target, String topic,
                                                                       int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            await("records on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            // One more poll: a record beyond the expected count (an aborted one leaking through) fails the test.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
