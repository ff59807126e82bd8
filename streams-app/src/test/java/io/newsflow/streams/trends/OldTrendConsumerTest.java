package io.newsflow.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.serde.AvroDeserializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer built on the first version of TrendSnapshot (v1: no expected, score, top articles, window size or
 * trending list) reads what the trend stage writes now, as a Confluent consumer does: the writer schema comes
 * from the registry by the id in the record, and is resolved into the consumer's own (v1) schema.
 */
class OldTrendConsumerTest {

  private static final String V1 = "/io/newsflow/avro/versions/TrendSnapshot/v1.avsc";

  @TempDir
  Path stateDir;

  @Test
  void consumerOnTheV1SchemaReadsTheNewSnapshotsFieldsItKnows() throws IOException {
    Schema v1 = v1();
    assertThat(v1.getField("windowSize")).isNull();
    assertThat(v1.getField("entries").schema().getElementType().getField("score")).isNull();

    KeyValue<String, byte[]> written;
    try (TrendsDriver driver = new TrendsDriver(stateDir, Map.of("newsflow.trends.windows", "PT1H"))) {
      driver.count("a1", Instant.parse("2025-02-24T10:05:00Z"), "딥시크", "AI");
      driver.count("a2", Instant.parse("2025-02-24T10:06:00Z"), "딥시크");
      driver.advanceWallClock(Duration.ofSeconds(1));
      written = driver.trendBytes().readKeyValue();

      // The same bytes as today's consumers see them: every v2 field set.
      AvroDeserializer<TrendSnapshot> current = new AvroDeserializer<>(TrendSnapshot.class);
      current.configure(Map.of("schema.registry.url", driver.registryUrl()), false);
      TrendSnapshot now = current.deserialize("news.trends", written.value);
      assertThat(now.getWindowSize()).isEqualTo("PT1H");
      assertThat(now.getEntries().get(0).getScore()).isEqualTo(2.0);
      assertThat(now.getEntries().get(0).getTopArticles()).containsExactly("a1", "a2");

      GenericRecord old = readAsV1(written.value, driver.registryUrl(), v1);

      assertThat(written.key).isEqualTo("PT1H/2025-02-24T10:00:00Z");
      assertThat(old.getSchema()).isEqualTo(v1);
      assertThat(old.get("windowStart")).isEqualTo(Instant.parse("2025-02-24T10:00:00Z").toEpochMilli());
      assertThat(old.get("windowEnd")).isEqualTo(Instant.parse("2025-02-24T11:00:00Z").toEpochMilli());
      assertThat(old.get("final")).isEqualTo(false);
      @SuppressWarnings("unchecked")
      List<GenericRecord> entries = (List<GenericRecord>) old.get("entries");
      assertThat(entries).extracting(e -> e.get("keyword").toString(), e -> e.get("articleCount"), e -> e.get("rank"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("딥시크", 2L, 1),
              org.assertj.core.groups.Tuple.tuple("AI", 1L, 2));
      assertThat(entries.get(0).getSchema().getFields()).extracting(Schema.Field::name)
          .containsExactly("keyword", "articleCount", "rank");
    }
  }

  /** Confluent wire format: magic byte 0, the writer schema's id (4 bytes, big-endian), Avro binary. */
  private static GenericRecord readAsV1(byte[] payload, String registryUrl, Schema v1) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    assertThat(buffer.get()).isEqualTo((byte) 0);
    int id = buffer.getInt();
    SchemaRegistryClient registry = SchemaRegistryClients.create(registryUrl, Map.of());
    Schema writer = registry.getById(id);
    assertThat(writer.getField("trending")).isNotNull();
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(writer, v1, new GenericData());
    return reader.read(null, DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, null));
  }

  private static Schema v1() throws IOException {
    try (InputStream in = OldTrendConsumerTest.class.getResourceAsStream(V1)) {
      assertThat(in).as("%s in the newsflow-schemas jar", V1).isNotNull();
      return new Schema.Parser().parse(in);
    }
  }
}
