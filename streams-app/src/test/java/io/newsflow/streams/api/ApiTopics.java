package io.newsflow.streams.api;

import io.newsflow.avro.RawArticle;
import io.newsflow.registry.serde.AvroSerializer;
import io.newsflow.streams.topics.TopicNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics and records for the API's integration tests: created and written as the producer and the app do. */
final class ApiTopics {

  private ApiTopics() {}

  /** All newsflow topics with {@code partitions} each; output topics stamped by the broker, as in production. */
  static void create(String bootstrapServers, int partitions) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      List<NewTopic> topics = TopicNames.defaults().all().stream()
          .map(name -> {
            NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
            return name.equals(TopicNames.RAW) ? topic
                : topic.configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
          })
          .toList();
      admin.createTopics(topics).all().get();
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("cannot create topics", e);
    }
  }

  /** A JSON-sourced article as the producer sends it: title, body, url and publication time already mapped. */
  static RawArticle json(String id, String url, String title, String body, Instant publishedAt) {
    return RawArticle.newBuilder()
        .setId(id)
        .setSource("file:test/" + id + ".json")
        .setUrl(url)
        .setContentType("application/json")
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(publishedAt)
        .setFetchedAt(publishedAt.plusSeconds(60))
        .setAttributes(Map.of("publisher", "예시일보"))
        .build();
  }

  /** Writes {@code records} (key = id) to {@code topic}, Avro in Confluent's wire format, and waits for the acks. */
  static <T extends SpecificRecord> void send(String bootstrapServers, String registryUrl, String topic,
      Map<String, T> records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    AvroSerializer<T> values = new AvroSerializer<>();
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    try (KafkaProducer<String, T> producer = new KafkaProducer<>(props, new StringSerializer(), values)) {
      for (Map.Entry<String, T> record : records.entrySet()) {
        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get();
      }
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }
}
