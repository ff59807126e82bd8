package io.newsflow.registry.serde;

import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.client.SchemaRegistryException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format records into a generated Avro class: the writer schema comes from the registry by
 * the id in the header (cached), and is resolved into the reader class's schema, so records written with older or
 * newer compatible schemas read fine. Every malformed payload is a {@link SerializationException} saying what is
 * wrong; only a null payload (a tombstone) yields null.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  static {
    TrustedAvroPackages.trust(TrustedAvroPackages.NEWSFLOW_AVRO);
  }

  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private Class<T> type;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private boolean configured;

  /**
   * For Kafka's class-name instantiation: the reader class comes from {@code specific.avro.value.type} (or
   * {@code .key.type}), else from the writer schema's full name.
   */
  public AvroDeserializer() {
    this(null, null);
  }

  public AvroDeserializer(Class<T> type) {
    this(type, null);
  }

  /** Uses {@code client} (not closed by this deserializer) instead of building one from the configs. */
  public AvroDeserializer(Class<T> type, SchemaRegistryClient client) {
    this.type = type;
    this.client = client;
    if (type != null) {
      TrustedAvroPackages.trust(type.getPackageName());
    }
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig parsed = AvroSerdeConfig.parse(configs);
    if (client == null) {
      client = SchemaRegistryClients.create(parsed.schemaRegistryUrl(), configs);
      ownsClient = true;
    }
    configureType(configs, isKey);
    configured = true;
  }

  /** Configures with a client shared with a serializer (by {@link AvroSerde}). */
  void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient shared) {
    this.client = shared;
    configureType(configs, isKey);
    configured = true;
  }

  @Override
  public T deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    if (!configured) {
      throw new IllegalStateException("AvroDeserializer used before configure(): schema.registry.url is not set");
    }
    int id = WireFormat.schemaId(payload, topic);
    DatumReader<T> reader = reader(id, topic);
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, WireFormat.HEADER_SIZE,
          payload.length - WireFormat.HEADER_SIZE, null);
      T value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        // Confluent's serializer never writes past the record; bytes after it are another writer's mistake,
        // and reading the record anyway would hide it.
        throw new SerializationException("Payload of " + payload.length + " bytes from topic " + topic
            + " has trailing bytes after its Avro record (schema id " + id + ")");
      }
      return value;
    } catch (SerializationException e) {
      throw e;
    } catch (EOFException e) {
      throw new SerializationException("Payload of " + payload.length + " bytes from topic " + topic
          + " is truncated: Avro decoding with schema id " + id + " ran past its end", e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not decode Avro payload of " + payload.length + " bytes with schema id "
          + id + " from topic " + topic + ": " + e, e);
    }
  }

  private DatumReader<T> reader(int id, String topic) {
    DatumReader<T> cached = readers.get(id);
    if (cached != null) {
      return cached;
    }
    Schema writer;
    try {
      writer = client.getById(id);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
        throw new SerializationException("Schema id " + id + " not found in registry " + client.url()
            + " for topic " + topic, e);
      }
      throw new SerializationException("Could not fetch schema id " + id + " from registry " + client.url()
          + " for topic " + topic + ": " + e.getMessage(), e);
    }
    Class<T> readerType = type != null ? type : classOf(writer, id, topic);
    SpecificData model = SpecificData.getForClass(readerType);
    DatumReader<T> created = new SpecificDatumReader<>(writer, model.getSchema(readerType), model);
    DatumReader<T> previous = readers.putIfAbsent(id, created);
    return previous == null ? created : previous;
  }

  @SuppressWarnings("unchecked")
  private Class<T> classOf(Schema writer, int id, String topic) {
    Class<?> found;
    try {
      found = SpecificData.get().getClass(writer);
    } catch (SecurityException e) {
      found = null;
    }
    if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
      throw new SerializationException("No generated class " + writer.getFullName() + " to read schema id " + id
          + " from topic " + topic + "; pass the reader class or set " + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
    }
    return (Class<T>) found;
  }

  @SuppressWarnings("unchecked")
  private void configureType(Map<String, ?> configs, boolean isKey) {
    if (type != null) {
      return;
    }
    String key = isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE;
    Object value = configs.get(key);
    if (value == null) {
      return;
    }
    try {
      Class<?> configured = value instanceof Class<?> given ? given
          : Class.forName(value.toString().trim(), true, Thread.currentThread().getContextClassLoader());
      if (!SpecificRecord.class.isAssignableFrom(configured)) {
        throw new ConfigException(key, value, "not a generated Avro class (SpecificRecord)");
      }
      type = (Class<T>) configured;
      TrustedAvroPackages.trust(type.getPackageName());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(key, value, "class not found");
    }
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
