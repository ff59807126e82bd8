package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes in three processes: topics get three replicas and an in-sync minimum of two by default, acknowledged
 * writes survive a node's SIGKILL and keep being accepted while it is gone, and the node rejoins on its own data.
 */
class KafkaClusterIT {

    private static final String TOPIC = "cluster.events";

    @TempDir
    Path dir;

    @Test
    void threeNodesReplicateAndSurviveTheLossOfOne() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(KafkaCluster.Config.of(3, 0, dir))) {
            for (int node = 1; node <= 3; node++) {
                assertThat(Files.readString(cluster.pidFile(node)).strip()).isEqualTo(Long.toString(cluster.pid(node)));
            }
            try (Admin admin = admin(cluster)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) -1))).all().get();
                // Created means the controller has it; the broker the admin asks may learn of it a moment later.
                TopicDescription described = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC),
                                d -> d.partitions().size() == 3);
                assertThat(described.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            }

            try (KafkaProducer<String, String> producer = producer(cluster)) {
                send(producer, 0, 100);
                cluster.kill(2);
                assertThat(cluster.pidFile(2)).doesNotExist();
                // Two of three replicas are in sync: acks=all writes go on.
                send(producer, 100, 200);
                cluster.restart(2);
                send(producer, 200, 300);
            }
            assertThat(cluster.isAlive(2)).isTrue();
            try (Admin admin = admin(cluster)) {
                await().atMost(Duration.ofMinutes(1)).until(() ->
                        admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                                .allMatch(p -> p.isr().size() == 3));
            }
            assertThat(readAll(cluster)).hasSize(300).doesNotHaveDuplicates();
        }
    }

    private static void send(KafkaProducer<String, String> producer, int from, int to) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = from; i < to; i++) {
            sent.add(producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v" + i)));
        }
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    private static List<String> readAll(KafkaCluster cluster) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1),
                    new TopicPartition(TOPIC, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return values;
    }

    private static Admin admin(KafkaCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
