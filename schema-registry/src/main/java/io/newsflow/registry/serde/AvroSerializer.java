package io.newsflow.registry.serde;

import io.newsflow.registry.client.RegisteredSchema;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.client.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format, registering (or looking up) the record's schema under
 * the TopicNameStrategy subject. Byte-compatible with Confluent's KafkaAvroSerializer; once a schema's id is known,
 * serializing makes no registry call.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  static {
    TrustedAvroPackages.trust(TrustedAvroPackages.NEWSFLOW_AVRO);
  }

  private record SubjectSchema(String subject, Schema schema) {
  }

  private record Latest(RegisteredSchema registered, long fetchedAtNanos) {
  }

  private record Projection(GenericDatumReader<Object> reader, GenericDatumWriter<Object> writer) {
  }

  private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final Map<Class<?>, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Projection> projections = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private AvroSerdeConfig config;
  private boolean isKey;

  /** For Kafka's class-name instantiation: the registry client is built by {@link #configure}. */
  public AvroSerializer() {
  }

  /** Uses {@code client} (not closed by this serializer) instead of building one from the configs. */
  public AvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig parsed = AvroSerdeConfig.parse(configs);
    if (client == null) {
      client = SchemaRegistryClients.create(parsed.schemaRegistryUrl(), configs);
      ownsClient = true;
    }
    this.config = parsed;
    this.isKey = isKey;
  }

  /** Configures with a client shared with a deserializer (by {@link AvroSerde}). */
  void configure(AvroSerdeConfig parsed, boolean isKey, SchemaRegistryClient shared) {
    this.client = shared;
    this.config = parsed;
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("AvroSerializer used before configure(): schema.registry.url is not set");
    }
    String subject = AvroSerdeConfig.subject(topic, isKey);
    Schema schema = data.getSchema();
    RegisteredSchema target = target(subject, schema, topic);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    WireFormat.writeHeader(out, target.id());
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      if (target.schema() == schema || target.schema().equals(schema)) {
        writer(data).write(data, encoder);
      } else {
        project(data, subject, target, encoder);
      }
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not encode " + schema.getFullName() + " for topic " + topic
          + " with schema id " + target.id() + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The id and schema to write with: the record's own schema, or with use.latest.version the subject's latest. */
  private RegisteredSchema target(String subject, Schema schema, String topic) {
    try {
      if (config.useLatestVersion()) {
        return latest(subject);
      }
      SubjectSchema key = new SubjectSchema(subject, schema);
      Integer id = ids.get(key);
      if (id == null) {
        id = config.autoRegisterSchemas() ? client.register(subject, schema) : client.lookup(subject, schema).id();
        ids.put(key, id);
      }
      return new RegisteredSchema(subject, 0, id, schema);
    } catch (SchemaRegistryException e) {
      String action = config.useLatestVersion() ? "fetch the latest schema of"
          : config.autoRegisterSchemas() ? "register " + schema.getFullName() + " under"
          : "find " + schema.getFullName() + " (auto.register.schemas=false) under";
      throw new SerializationException("Could not " + action + " subject " + subject + " for topic " + topic
          + " in registry " + client.url() + ": " + e.getMessage(), e);
    }
  }

  private RegisteredSchema latest(String subject) {
    Latest cached = latestBySubject.get(subject);
    long ttl = config.latestCacheTtlSeconds();
    if (cached != null && (ttl < 0 || System.nanoTime() - cached.fetchedAtNanos() < TimeUnit.SECONDS.toNanos(ttl))) {
      return cached.registered();
    }
    RegisteredSchema fresh = client.getLatest(subject);
    latestBySubject.put(subject, new Latest(fresh, System.nanoTime()));
    return fresh;
  }

  private DatumWriter<Object> writer(T data) {
    return writers.computeIfAbsent(data.getClass(), type -> {
      TrustedAvroPackages.trust(type.getPackageName());
      return new SpecificDatumWriter<>(data.getSchema(), SpecificData.getForClass(type));
    });
  }

  /**
   * Writes {@code data} as {@code target}'s schema when that differs from the record's (use.latest.version):
   * encode with the record's schema, resolve that into the target schema, encode again. Logical types stay in
   * their underlying form throughout, so the projection is exact.
   */
  private void project(T data, String subject, RegisteredSchema target, BinaryEncoder encoder) throws IOException {
    Projection projection = projections.computeIfAbsent(new SubjectSchema(subject + "#" + target.id(),
        data.getSchema()), key -> new Projection(
            new GenericDatumReader<>(data.getSchema(), target.schema(), GenericData.get()),
            new GenericDatumWriter<>(target.schema(), GenericData.get())));
    ByteArrayOutputStream own = new ByteArrayOutputStream(256);
    BinaryEncoder ownEncoder = EncoderFactory.get().directBinaryEncoder(own, null);
    writer(data).write(data, ownEncoder);
    ownEncoder.flush();
    Object projected = projection.reader().read(null, DecoderFactory.get().binaryDecoder(own.toByteArray(), null));
    projection.writer().write(projected, encoder);
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
