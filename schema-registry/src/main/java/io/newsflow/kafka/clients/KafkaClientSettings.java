package io.newsflow.kafka.clients;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Picks out of an application's whole configuration what each kind of Kafka client newsflow makes is given, so
 * that every admin client, consumer and producer gets the same security and connection settings. It lives in the
 * schema-registry module because that is the one module every Kafka-using module depends on (the registry's own
 * store included).
 *
 * <p>A client gets the keys its own configuration defines ({@code configNames()}), which keeps other components'
 * keys (schema.registry.*, newsflow.*, a producer's acks on an admin client) from being logged as unknown, plus
 * every {@code security.*}, {@code sasl.*} and {@code ssl.*} key even if it defines none such: a login module or
 * SSL engine plugin may read keys of its own, and a security setting must not be lost silently.
 */
public final class KafkaClientSettings {

  private static final List<String> SECURITY_PREFIXES = List.of("security.", "sasl.", "ssl.");
  private static final Set<String> ADMIN = AdminClientConfig.configNames();
  private static final Set<String> PRODUCER = ProducerConfig.configNames();
  private static final Set<String> CONSUMER = ConsumerConfig.configNames();

  private KafkaClientSettings() {
  }

  /** The settings of {@code all} an admin client takes; a new, mutable map. */
  public static Map<String, Object> admin(Map<?, ?> all) {
    return select(all, ADMIN);
  }

  /** The settings of {@code all} a producer takes; a new, mutable map. */
  public static Map<String, Object> producer(Map<?, ?> all) {
    return select(all, PRODUCER);
  }

  /** The settings of {@code all} a consumer takes; a new, mutable map. */
  public static Map<String, Object> consumer(Map<?, ?> all) {
    return select(all, CONSUMER);
  }

  /** {@code all} may be a {@link java.util.Properties}, as Kafka Streams' configuration often is. */
  private static Map<String, Object> select(Map<?, ?> all, Set<String> known) {
    Map<String, Object> selected = new HashMap<>();
    all.forEach((key, value) -> {
      if (key instanceof String name && value != null
          && (known.contains(name) || SECURITY_PREFIXES.stream().anyMatch(name::startsWith))) {
        selected.put(name, value);
      }
    });
    return selected;
  }
}
