package io.newsflow.localstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotent topic creation for a single-node cluster, so that every run of the demo or a test may ask
 * for its topics without checking first.
 */
public final class Topics {

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    private static final short REPLICATION_FACTOR = 1;

    private Topics() {
    }

    /**
     * Creates each topic that does not exist yet with the given partition count and replication factor 1.
     * An existing topic is kept as it is, even with another partition count.
     */
    public static void createIfMissing(String bootstrapServers, Map<String, Integer> namesToPartitions) {
        if (namesToPartitions.isEmpty()) {
            return;
        }
        List<NewTopic> topics = namesToPartitions.entrySet().stream()
                .map(entry -> new NewTopic(entry.getKey(), entry.getValue(), REPLICATION_FACTOR))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            CreateTopicsResult result = admin.createTopics(topics);
            namesToPartitions.forEach((topic, partitions) -> awaitCreated(result, topic, partitions));
        }
    }

    private static void awaitCreated(CreateTopicsResult result, String topic, int partitions) {
        try {
            result.values().get(topic).get();
            LOG.info("topic created topic={} partitions={}", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
