package io.newsflow.registry.server;

import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.registry.client.SchemaRegistryException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaStore} that keeps every change as a record in a compacted Kafka topic, so ids, versions and
 * configuration survive a restart. On open it replays the topic into an {@link InMemorySchemaStore}; each write is
 * sent (acks=all, idempotent) and applied to memory only once Kafka has acknowledged it. It assumes it is the only
 * writer of the topic, which holds for the single-node embedded registry.
 */
final class KafkaSchemaStore implements SchemaStore {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final InMemorySchemaStore memory = new InMemorySchemaStore();
  private final String topic;
  private final KafkaProducer<String, String> producer;

  private KafkaSchemaStore(String topic, KafkaProducer<String, String> producer) {
    this.topic = topic;
    this.producer = producer;
  }

  /**
   * Creates the schemas topic if missing, replays it, and returns a store ready for writes. Each of the store's
   * Kafka clients gets what {@link KafkaClientSettings} picks for its kind out of {@code config}'s client settings,
   * under its own essential ones.
   */
  static KafkaSchemaStore open(SchemaRegistryServer.Config config) {
    String topic = config.schemasTopic();
    ensureTopic(config);
    KafkaSchemaStore store = new KafkaSchemaStore(topic, new KafkaProducer<>(producerConfig(config)));
    try {
      int records = store.replay(config);
      LOG.info("schemas topic replayed topic={} records={} subjects={} maxId={}", topic, records,
          store.memory.subjects().size(), store.memory.maxId());
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static void ensureTopic(SchemaRegistryServer.Config config) {
    String topic = config.schemasTopic();
    String bootstrapServers = config.bootstrapServers();
    try (Admin admin = Admin.create(adminConfig(config))) {
      if (admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      NewTopic newTopic = newTopic(config);
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      LOG.info("schemas topic created topic={} partitions=1 replicationFactor={} minInsyncReplicas={}"
          + " cleanupPolicy=compact", topic,
          newTopic.replicationFactor() < 0 ? "broker-default" : newTopic.replicationFactor(),
          newTopic.configs().getOrDefault(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "broker-default"));
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot check or create schemas topic " + topic + " on " + bootstrapServers
            + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT
          + " while checking schemas topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking schemas topic " + topic, e);
    }
  }

  /**
   * One partition, so that the topic's order is the registry's order of writes; compacted, so that it keeps the
   * latest state of every key. Replication is the broker's default unless configured: a hard-coded 1 would leave
   * the registry's only copy of every schema on one broker of a cluster.
   */
  static NewTopic newTopic(SchemaRegistryServer.Config config) {
    Optional<Short> replicas = config.replicationFactor() < 0
        ? Optional.empty() : Optional.of(config.replicationFactor());
    Map<String, String> topicConfig = new HashMap<>();
    topicConfig.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    config.minInsyncReplicas().ifPresent(min ->
        topicConfig.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(min)));
    return new NewTopic(config.schemasTopic(), Optional.of(1), replicas).configs(topicConfig);
  }

  /** Reads the topic from the beginning up to the end offsets seen at start; returns how many records it applied. */
  private int replay(SchemaRegistryServer.Config config) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(config))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      int applied = 0;
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read schemas topic " + topic + " to its end " + end
              + " within " + TIMEOUT);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          StoreRecords.apply(record.key(), record.value(), memory);
          applied++;
        }
      }
      return applied;
    }
  }

  private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey(), TIMEOUT) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void put(SchemaEntry entry) {
    send(StoreRecords.schemaKey(entry.subject(), entry.version()), StoreRecords.schemaValue(entry));
    memory.put(entry);
  }

  @Override
  public void remove(String subject, int version) {
    send(StoreRecords.schemaKey(subject, version), null);
    memory.remove(subject, version);
  }

  @Override
  public void putConfig(String subject, CompatibilityLevel level) {
    send(StoreRecords.configKey(subject), level == null ? null : StoreRecords.configValue(level));
    memory.putConfig(subject, level);
  }

  private void send(String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new SchemaRegistryException(SchemaRegistryException.STORE_ERROR,
          "Error in the backend data store: could not write to topic " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(SchemaRegistryException.STORE_ERROR,
          "Interrupted while writing to topic " + topic, e);
    }
  }

  @Override
  public List<SchemaEntry> entries(String subject) {
    return memory.entries(subject);
  }

  @Override
  public List<SchemaEntry> entriesWithId(int id) {
    return memory.entriesWithId(id);
  }

  @Override
  public Optional<String> schemaById(int id) {
    return memory.schemaById(id);
  }

  @Override
  public OptionalInt idOf(String canonicalSchema) {
    return memory.idOf(canonicalSchema);
  }

  @Override
  public int maxId() {
    return memory.maxId();
  }

  @Override
  public Set<String> subjects() {
    return memory.subjects();
  }

  @Override
  public Optional<CompatibilityLevel> config(String subject) {
    return memory.config(subject);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  static Map<String, Object> adminConfig(SchemaRegistryServer.Config config) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-admin");
    props.putAll(KafkaClientSettings.admin(config.kafkaClientSettings()));
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return props;
  }

  /** The settings' own client.id and linger.ms win; acks, idempotence and serializers are what the store needs. */
  static Map<String, Object> producerConfig(SchemaRegistryServer.Config config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-store");
    props.putAll(KafkaClientSettings.producer(config.kafkaClientSettings()));
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return props;
  }

  /** The replay reads the whole topic on its own: no group, no commits, from the earliest offset. */
  static Map<String, Object> consumerConfig(SchemaRegistryServer.Config config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-replay");
    props.putAll(KafkaClientSettings.consumer(config.kafkaClientSettings()));
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return props;
  }
}
