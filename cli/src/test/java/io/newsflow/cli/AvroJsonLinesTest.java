package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class AvroJsonLinesTest {

  static final Schema PING = new Schema.Parser().parse("""
      {"type": "record", "name": "Ping", "namespace": "io.example.other",
       "fields": [{"name": "n", "type": "int"}, {"name": "note", "type": ["null", "string"], "default": null}]}
      """);

  private final String url = "mock://avro-json-lines-" + UUID.randomUUID();
  private final SchemaRegistryClient registry = SchemaRegistryClients.create(url, Map.of());
  private final AvroJsonLines lines = new AvroJsonLines(registry);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void newsflowValueIsAvroJsonOfItsGeneratedClass() throws IOException {
    AvroSerializer<TrendSnapshot> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", url), false);
    TrendSnapshot snapshot = TrendSnapshot.newBuilder()
        .setWindowStart(Instant.parse("2025-02-24T08:00:00Z"))
        .setWindowEnd(Instant.parse("2025-02-24T09:00:00Z"))
        .setFinal$(false)
        .setEntries(List.of(TrendEntry.newBuilder().setKeyword("딥시크").setArticleCount(3L).setRank(1).build()))
        .build();
    byte[] value = serializer.serialize("news.trends", snapshot);

    JsonNode line = json.readTree(lines.line(new ConsumerRecord<>("news.trends", 2, 41L,
        "2025-02-24T08:00:00Z".getBytes(StandardCharsets.UTF_8), value)));

    assertThat(line.path("topic").asText()).isEqualTo("news.trends");
    assertThat(line.path("partition").asInt()).isEqualTo(2);
    assertThat(line.path("offset").asLong()).isEqualTo(41);
    assertThat(line.get("timestamp").isNull()).isTrue();
    assertThat(line.path("key").asText()).isEqualTo("2025-02-24T08:00:00Z");
    // Avro's JSON encoding: timestamp-millis as epoch milliseconds, fields by their schema names.
    JsonNode snapshotJson = line.path("value");
    assertThat(snapshotJson.path("windowStart").asLong()).isEqualTo(1740384000000L);
    assertThat(snapshotJson.path("windowEnd").asLong()).isEqualTo(1740387600000L);
    assertThat(snapshotJson.path("final").asBoolean()).isFalse();
    assertThat(snapshotJson.path("entries")).hasSize(1);
    assertThat(snapshotJson.path("entries").get(0).path("keyword").asText()).isEqualTo("딥시크");
    assertThat(snapshotJson.path("entries").get(0).path("articleCount").asLong()).isEqualTo(3);
    assertThat(snapshotJson.path("entries").get(0).path("rank").asInt()).isEqualTo(1);
  }

  @Test
  void otherRegisteredSchemaIsReadGenericallyWithUnionsTagged() {
    GenericRecord ping = new GenericData.Record(PING);
    ping.put("n", 7);
    ping.put("note", "안녕");

    JsonNode value = lines.value("pings", wire(registry.register("pings-value", PING), PING, ping));

    assertThat(value.toString()).isEqualTo("{\"n\":7,\"note\":{\"string\":\"안녕\"}}");
  }

  @Test
  void valueOutsideTheWireFormatIsShownAsTextAndNullAsNull() {
    assertThat(lines.value("notes", "plain text".getBytes(StandardCharsets.UTF_8)).asText()).isEqualTo("plain text");
    assertThat(lines.value("notes", null).isNull()).isTrue();
  }

  /** Confluent's wire format: magic byte 0, the schema id, then Avro binary. */
  static byte[] wire(int schemaId, Schema schema, GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0);
      out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
