package io.newsflow.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.RawArticle;
import io.newsflow.registry.client.MockSchemaRegistry;
import io.newsflow.registry.server.SchemaRegistryServer;
import io.newsflow.registry.testing.Fixtures;
import io.newsflow.registry.testing.RecordingProxy;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The serde against mock:// registries: round trips, the exact wire bytes, and every malformed-payload error. */
class AvroSerdeTest {

  private static final String TOPIC = "news.raw";

  private final String scope = "serde-" + UUID.randomUUID();
  private final String url = "mock://" + scope;

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.drop(scope);
  }

  static Stream<SpecificRecord> everyRecordType() {
    return Fixtures.everyRecordType().stream();
  }

  @ParameterizedTest
  @MethodSource("everyRecordType")
  <T extends SpecificRecord> void everyRecordTypeSurvivesARoundTrip(T record) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) record.getClass();
    try (AvroSerde<T> serde = new AvroSerde<>(type)) {
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);
      byte[] bytes = serde.serializer().serialize("topic." + type.getSimpleName(), record);
      T back = serde.deserializer().deserialize("topic." + type.getSimpleName(), bytes);

      assertThat(back).isInstanceOf(type).isEqualTo(record);
      assertThat(bytes[0]).isEqualTo((byte) 0);
      assertThat(MockSchemaRegistry.forScope(scope).subjects())
          .containsExactly("topic." + type.getSimpleName() + "-value");
    }
  }

  @Test
  void serializedBytesMatchTheConfluentWireFormatWrittenByHand() {
    RawArticle article = RawArticle.newBuilder()
        .setId("a1")
        .setSource("s")
        .setUrl(null)
        .setContentType("text/plain")
        .setBody("한")
        .setTitle("T")
        .setPublishedAt(Instant.ofEpochMilli(64))
        .setFetchedAt(Instant.ofEpochMilli(1000))
        .setAttributes(Map.of("k", "v"))
        .build();

    byte[] bytes = serializer(Map.of()).serialize(TOPIC, article);

    String expected = String.join("",
        "00",                             // magic byte
        "00000001",                       // schema id 1, big-endian (first schema of a fresh scope)
        "04" + "6131",                    // id: length 2 (zig-zag 4), "a1"
        "02" + "73",                      // source: length 1, "s"
        "00",                             // url: union branch 0 = null
        "14" + "746578742f706c61696e",    // contentType: length 10 (zig-zag 20 = 0x14), "text/plain"
        "06" + "ed959c",                  // body: 3 UTF-8 bytes of "한"
        "02" + "02" + "54",               // title: union branch 1 = string, length 1, "T"
        "02" + "8001",                    // publishedAt: branch 1 = long, 64 -> zig-zag 128 -> varint 80 01
        "d00f",                           // fetchedAt: 1000 -> zig-zag 2000 -> varint d0 0f
        "02" + "026b" + "0276" + "00");   // attributes: block of 1 entry, "k" -> "v", end of map
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
  }

  @Test
  void wrongMagicByteIsReportedWithTheByteAndTopic() {
    byte[] json = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, json))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Unknown magic byte 0x7b at offset 0 of record from topic news.raw (expected 0x0)");
  }

  @Test
  void unknownSchemaIdIsReportedWithTheIdAndRegistry() {
    byte[] payload = HexFormat.of().parseHex("000000002a0461310273");

    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, payload))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Schema id 42 not found in registry " + url + " for topic news.raw");
  }

  @Test
  void payloadShorterThanTheHeaderIsReportedAsTruncated() {
    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[] {0, 0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Payload of 3 bytes from topic news.raw is truncated: the Confluent header needs 5");
  }

  @Test
  void payloadCutInsideTheAvroBodyIsReportedAsTruncated() {
    byte[] whole = serializer(Map.of()).serialize(TOPIC, Fixtures.rawArticle());
    byte[] cut = Arrays.copyOf(whole, whole.length - 4);

    assertThatThrownBy(() -> deserializer().deserialize(TOPIC, cut))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Payload of " + cut.length + " bytes from topic news.raw is truncated: "
            + "Avro decoding with schema id 1 ran past its end");
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serializer(Map.of()).serialize(TOPIC, null)).isNull();
    assertThat(deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void keySerdeRegistersUnderTheKeySubject() {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), true);

    serializer.serialize(TOPIC, Fixtures.rawArticle());

    assertThat(MockSchemaRegistry.forScope(scope).subjects()).containsExactly("news.raw-key");
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaIsRefusedNamingTheSubject() {
    AvroSerializer<RawArticle> serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

    assertThatThrownBy(() -> serializer.serialize(TOPIC, Fixtures.rawArticle()))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Could not find io.newsflow.avro.RawArticle (auto.register.schemas=false) under "
            + "subject news.raw-value for topic news.raw in registry " + url + ": Subject 'news.raw-value' not found.");
  }

  @Test
  void withoutAutoRegisterARegisteredSchemaIsLookedUp() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
    registry.register("other-value", Schema.create(Schema.Type.STRING));
    int id = registry.register("news.raw-value", RawArticle.getClassSchema());

    byte[] bytes = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false))
        .serialize(TOPIC, Fixtures.rawArticle());

    assertThat(id).isEqualTo(2);
    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, 2);
    assertThat(registry.versions("news.raw-value")).containsExactly(1);
  }

  @Test
  void useLatestVersionWritesWithTheSubjectsLatestSchema() throws IOException {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
    registry.register("news.raw-value", RawArticle.getClassSchema());
    Schema newer = withExtraField(RawArticle.getClassSchema(), "lang", "\"und\"");
    int newerId = registry.register("news.raw-value", newer);

    byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, "true",
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false")).serialize(TOPIC, Fixtures.rawArticle());

    assertThat(newerId).isEqualTo(2);
    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, 2);
    GenericRecord asWritten = new GenericDatumReader<GenericRecord>(newer)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    assertThat(asWritten.get("lang")).hasToString("und");
    assertThat(asWritten.get("id")).hasToString("yna-0001");
    assertThat(deserializer().deserialize(TOPIC, bytes)).isEqualTo(Fixtures.rawArticle());
  }

  @Test
  void recordsWrittenWithAnOlderSchemaAreResolvedIntoTheReaderClass() throws IOException {
    Schema older = new Schema.Parser().parse("""
        {"type":"record","name":"RawArticle","namespace":"io.newsflow.avro","fields":[
          {"name":"id","type":"string"},
          {"name":"source","type":"string"},
          {"name":"contentType","type":"string"},
          {"name":"body","type":"string"},
          {"name":"fetchedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
    int id = MockSchemaRegistry.forScope(scope).register("news.raw-value", older);
    GenericRecord old = new GenericData.Record(older);
    old.put("id", "old-1");
    old.put("source", "feed");
    old.put("contentType", "text/html");
    old.put("body", "<p>본문</p>");
    old.put("fetchedAt", 1000L);

    RawArticle read = deserializer().deserialize(TOPIC, confluentBytes(id, older, old));

    assertThat(read).isEqualTo(RawArticle.newBuilder()
        .setId("old-1").setSource("feed").setUrl(null).setContentType("text/html").setBody("<p>본문</p>")
        .setTitle(null).setPublishedAt(null).setFetchedAt(Instant.ofEpochMilli(1000)).setAttributes(Map.of())
        .build());
  }

  @Test
  void deserializerWithoutAClassFindsItFromConfigOrWriterSchema() {
    byte[] bytes = serializer(Map.of()).serialize(TOPIC, Fixtures.rawArticle());
    AvroDeserializer<RawArticle> configured = new AvroDeserializer<>();
    configured.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
        AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, RawArticle.class.getName()), false);
    AvroDeserializer<RawArticle> derived = new AvroDeserializer<>();
    derived.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);

    assertThat(configured.deserialize(TOPIC, bytes)).isEqualTo(Fixtures.rawArticle());
    assertThat(derived.deserialize(TOPIC, bytes)).isEqualTo(Fixtures.rawArticle());
  }

  @Test
  void serdeBuiltByClassNameReadsIntoTheClassTheWriterSchemaNames() {
    try (AvroSerde<RawArticle> serde = new AvroSerde<>()) {
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);

      byte[] bytes = serde.serializer().serialize(TOPIC, Fixtures.rawArticle());

      assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(Fixtures.rawArticle());
    }
  }

  @Test
  void onceASchemaIsKnownNoRegistryCallIsMade() throws IOException {
    try (SchemaRegistryServer server = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory());
        RecordingProxy proxy = RecordingProxy.forwardingTo(server.url())) {
      Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, proxy.url());
      AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
      serializer.configure(configs, false);
      AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class);
      deserializer.configure(configs, false);

      for (int i = 0; i < 5; i++) {
        RawArticle article = RawArticle.newBuilder(Fixtures.rawArticle()).setId("id-" + i).build();
        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, article))).isEqualTo(article);
      }

      assertThat(proxy.calls()).extracting(RecordingProxy.Call::method, RecordingProxy.Call::path)
          .containsExactly(
              tuple("POST", "/subjects/news.raw-value/versions"),
              tuple("GET", "/schemas/ids/1"));
    }
  }

  @Test
  void loadingTheSerdeMakesAvroTrustTheGeneratedClassesOnly() {
    assertThat(deserializer()).isNotNull();

    assertThat(new SpecificDatumWriter<RawArticle>(RawArticle.getClassSchema()))
        .isNotNull();
    ClassSecurityValidator.validate(DuplicateKind.class);
    assertThatThrownBy(() -> ClassSecurityValidator.validate(File.class))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("Forbidden java.io.File");
  }

  private AvroSerializer<RawArticle> serializer(Map<String, Object> extra) {
    Map<String, Object> configs = new HashMap<>(extra);
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(configs, false);
    return serializer;
  }

  private AvroDeserializer<RawArticle> deserializer() {
    AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class);
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);
    return deserializer;
  }

  private static Schema withExtraField(Schema schema, String name, String defaultJson) {
    String json = schema.toString();
    String field = ",{\"name\":\"" + name + "\",\"type\":\"string\",\"default\":" + defaultJson + "}]}";
    return new Schema.Parser().parse(json.substring(0, json.length() - 2) + field);
  }

  private static byte[] confluentBytes(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
