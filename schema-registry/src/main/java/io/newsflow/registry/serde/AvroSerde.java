package io.newsflow.registry.serde;

import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} for one generated Avro class, configured like Confluent's SpecificAvroSerde; its serializer
 * and deserializer share one registry client and so one cache.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer = new AvroSerializer<>();
  private final AvroDeserializer<T> deserializer;
  private SchemaRegistryClient client;
  private boolean ownsClient;

  /**
   * For Kafka's class-name instantiation (e.g. default.value.serde): the reader class comes from
   * {@code specific.avro.value.type} / {@code .key.type}, else from the writer schema's full name.
   */
  public AvroSerde() {
    this(null, null);
  }

  public AvroSerde(Class<T> type) {
    this(type, null);
  }

  /** Uses {@code client} (not closed by this serde) instead of building one from the configs. */
  public AvroSerde(Class<T> type, SchemaRegistryClient client) {
    this.deserializer = new AvroDeserializer<>(type, client);
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig parsed = AvroSerdeConfig.parse(configs);
    if (client == null) {
      client = SchemaRegistryClients.create(parsed.schemaRegistryUrl(), configs);
      ownsClient = true;
    }
    serializer.configure(parsed, isKey, client);
    deserializer.configure(configs, isKey, client);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
