package io.newsflow.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotent topic creation on the local stack, with the cluster's default replication, so that every run of the demo or a test may ask
 * for its topics without checking first.
 */
public final class Topics {

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(30);

    private Topics() {
    }

    /**
     * Creates each topic that does not exist yet with the given partition count and the broker's default
     * replication factor.
     * An existing topic is kept as it is, even with another partition count.
     */
    public static void createIfMissing(String bootstrapServers, Map<String, Integer> namesToPartitions) {
        if (namesToPartitions.isEmpty()) {
            return;
        }
        List<NewTopic> topics = namesToPartitions.entrySet().stream()
                // The broker's default.replication.factor: 1 on one node, 3 on a cluster of three.
                .map(entry -> new NewTopic(entry.getKey(), Optional.of(entry.getValue()), Optional.empty()))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            CreateTopicsResult result = admin.createTopics(topics);
            namesToPartitions.forEach((topic, partitions) -> awaitCreated(result, topic, partitions));
            awaitLeaders(admin, namesToPartitions.keySet());
        }
    }

    /**
     * Waits until every partition of the topics has a leader. The controller acknowledges a creation before
     * the broker serves the new partitions, and a caller that produces or describes at once would otherwise
     * meet UnknownTopicOrPartitionException, more often the busier the machine.
     */
    private static void awaitLeaders(Admin admin, Set<String> names) {
        long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                if (described.values().stream().flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topics " + names + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topics " + names, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " have no leader after " + LEADER_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
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
