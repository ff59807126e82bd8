package io.newsflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.registry.serde.AvroSerdeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One JSON line per record of any newsflow topic, the value in Avro's own JSON encoding as Confluent's
 * kafka-avro-console-consumer prints it (unions as {"string": ...}, timestamps as epoch milliseconds). A
 * value whose schema is one of newsflow's is read with its generated class (the project's AvroDeserializer);
 * any other registered schema is read generically with the writer's schema; a value that is not in the
 * registry's wire format is shown as text.
 */
final class AvroJsonLines {

  private static final byte MAGIC = 0;
  private static final int HEADER = 5;

  private final ObjectMapper json = new ObjectMapper();
  private final SchemaRegistryClient registry;
  private final AvroDeserializer<SpecificRecord> specific;

  AvroJsonLines(SchemaRegistryClient registry) {
    this.registry = registry;
    this.specific = new AvroDeserializer<>(null, registry);
    specific.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
  }

  String line(ConsumerRecord<byte[], byte[]> record) {
    ObjectNode line = json.createObjectNode();
    line.put("topic", record.topic());
    line.put("partition", record.partition());
    line.put("offset", record.offset());
    line.put("timestamp", record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()).toString());
    line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
    line.set("value", value(record.topic(), record.value()));
    try {
      return json.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a record as JSON", e);
    }
  }

  JsonNode value(String topic, byte[] payload) {
    if (payload == null) {
      return NullNode.getInstance();
    }
    if (payload.length < HEADER || payload[0] != MAGIC) {
      return TextNode.valueOf(new String(payload, StandardCharsets.UTF_8));
    }
    int id = ByteBuffer.wrap(payload, 1, 4).getInt();
    Schema writer = registry.getById(id);
    if (hasGeneratedClass(writer)) {
      SpecificRecord value = specific.deserialize(topic, payload);
      return avroJson(value.getSchema(), value, SpecificData.getForClass(value.getClass()));
    }
    try {
      Object value = new GenericDatumReader<>(writer).read(null,
          DecoderFactory.get().binaryDecoder(payload, HEADER, payload.length - HEADER, null));
      return avroJson(writer, value, GenericData.get());
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot decode a value of schema id " + id + " from " + topic + ": " + e, e);
    }
  }

  private static boolean hasGeneratedClass(Schema writer) {
    if (writer.getType() != Schema.Type.RECORD) {
      return false;
    }
    Class<?> generated = SpecificData.get().getClass(writer);
    return generated != null && SpecificRecord.class.isAssignableFrom(generated);
  }

  private JsonNode avroJson(Schema schema, Object value, GenericData model) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
      @SuppressWarnings("unchecked")
      DatumWriter<Object> writer = (DatumWriter<Object>) model.createDatumWriter(schema);
      writer.write(value, encoder);
      encoder.flush();
      return json.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
