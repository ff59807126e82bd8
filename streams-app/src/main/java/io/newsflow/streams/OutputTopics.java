package io.newsflow.streams;

import io.newsflow.streams.topics.TopicNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates newsflow's topics when they are missing, so a fresh cluster needs no setup. Existing topics are
 * left as they are: on a managed cluster, operators own their partitions and settings.
 */
final class OutputTopics {

  private static final Logger LOG = LoggerFactory.getLogger(OutputTopics.class);

  private OutputTopics() {}

  static void create(Properties streamsProps, TopicNames names, Map<String, String> config) {
    int partitions = Integer.parseInt(config.getOrDefault("newsflow.topic.partitions", "3"));
    short replication = Short.parseShort(config.getOrDefault("newsflow.topic.replication-factor", "-1"));
    Properties adminProps = new Properties();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        streamsProps.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    streamsProps.stringPropertyNames().stream()
        .filter(k -> k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl."))
        .forEach(k -> adminProps.put(k, streamsProps.getProperty(k)));
    try (Admin admin = Admin.create(adminProps)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = names.all().stream()
          .filter(name -> !existing.contains(name))
          .map(name -> new NewTopic(name, Optional.of(partitions), Optional.of(replication)))
          .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        missing.forEach(t -> LOG.info("event=topic-created topic={} partitions={}", t.name(), partitions));
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
}
