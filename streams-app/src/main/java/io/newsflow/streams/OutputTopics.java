package io.newsflow.streams;

import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.streams.topics.TopicNames;
import io.newsflow.streams.topics.TopicReplication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates newsflow's topics when they are missing, so a fresh cluster needs no setup. Existing topics are
 * left as they are: on a managed cluster, operators own their partitions and settings.
 *
 * <p>The output topics are created with {@code message.timestamp.type=LogAppendTime}. The topology stamps
 * records with event time (publication time), and the broker's time-based retention measures age by record
 * timestamp: articles published more than {@code retention.ms} ago would be deleted from news.articles at the
 * next retention check, minutes after they were written. The event time stays in the payload (publishedAt).
 */
final class OutputTopics {

  private static final Logger LOG = LoggerFactory.getLogger(OutputTopics.class);
  private static final String LOG_APPEND_TIME = "LogAppendTime";

  private OutputTopics() {}

  static void create(Properties streamsProps, TopicNames names, Map<String, String> config) {
    int partitions = Integer.parseInt(config.getOrDefault("newsflow.topic.partitions", "3"));
    TopicReplication replication = TopicReplication.from(config);
    try (Admin admin = Admin.create(KafkaClientSettings.admin(streamsProps))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = names.all().stream()
          .filter(name -> !existing.contains(name))
          .map(name -> newTopic(name, names, partitions, replication))
          .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        missing.forEach(t -> LOG.info("event=topic-created topic={} partitions={}", t.name(),
          t.numPartitions()));
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("cannot create newsflow topics: " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  static NewTopic newTopic(String name, TopicNames names, int partitions, TopicReplication replication) {
    Map<String, String> configs = new HashMap<>(replication.topicConfigs());
    Optional<Short> factor = Optional.of(replication.factor());
    if (names.compacted().contains(name)) {
      // One learner writes the model and few operators write decisions: one partition keeps them in order.
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME);
      return new NewTopic(name, Optional.of(1), factor).configs(configs);
    }
    // news.raw belongs to the producers: its timestamps are theirs to choose.
    if (!name.equals(names.raw())) {
      configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME);
    }
    return new NewTopic(name, Optional.of(partitions), factor).configs(configs);
  }
}
