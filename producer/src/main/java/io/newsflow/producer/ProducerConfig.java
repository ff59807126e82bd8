package io.newsflow.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the producer sends: the Kafka cluster, the schema registry, the topic, and any further client
 * properties (security, tuning), which override the producer's own defaults.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param schemaRegistryUrl {@code schema.registry.url} for the Avro serializer (http(s)://... or mock://scope)
 * @param topic the topic RawArticle records go to; null means {@link #DEFAULT_TOPIC}
 * @param extraProperties further settings, e.g. a whole application configuration: the producer takes the Kafka
 *     producer and security ones, the serializer the registry and serde ones; never null
 */
public record ProducerConfig(
    String bootstrapServers, String schemaRegistryUrl, String topic, Map<String, Object> extraProperties) {

  public static final String DEFAULT_TOPIC = "news.raw";

  public ProducerConfig {
    requireText(bootstrapServers, "bootstrapServers");
    requireText(schemaRegistryUrl, "schemaRegistryUrl");
    topic = topic == null ? DEFAULT_TOPIC : requireText(topic, "topic");
    extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);
  }

  /** The usual case: default topic, no extra properties. */
  public static ProducerConfig of(String bootstrapServers, String schemaRegistryUrl) {
    return new ProducerConfig(bootstrapServers, schemaRegistryUrl, DEFAULT_TOPIC, Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Builds a {@link ProducerConfig} step by step, as the command line reads its options. */
  public static final class Builder {
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private String topic = DEFAULT_TOPIC;
    private final Map<String, Object> extraProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder bootstrapServers(String value) {
      this.bootstrapServers = value;
      return this;
    }

    public Builder schemaRegistryUrl(String value) {
      this.schemaRegistryUrl = value;
      return this;
    }

    public Builder topic(String value) {
      this.topic = value;
      return this;
    }

    public Builder property(String key, Object value) {
      extraProperties.put(key, value);
      return this;
    }

    public Builder properties(Map<String, ?> values) {
      extraProperties.putAll(values);
      return this;
    }

    public ProducerConfig build() {
      return new ProducerConfig(bootstrapServers, schemaRegistryUrl, topic, extraProperties);
    }
  }
}
