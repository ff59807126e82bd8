package io.newsflow.streams.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.RawArticle;
import io.newsflow.streams.RawArticles;
import io.newsflow.streams.TopologyHarness;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records the normalize stage cannot use reach news.dlq with their bytes, and the app keeps going. */
class DeadLetterTest {

  private static final Instant T0 = Instant.parse("2025-02-24T10:05:00Z");
  private static final RawArticle GOOD = RawArticles.json("good-1", "https://news.example.com/good-1",
      "Zephyra opens a harbour office", "Zephyra opened its harbour office in Valdmoor on Monday.", T0);

  @TempDir
  Path stateDir;

  private TopologyHarness harness;

  @BeforeEach
  void startTopology() {
    harness = TopologyHarness.start(stateDir);
  }

  @AfterEach
  void closeTopology() {
    harness.close();
  }

  @Test
  void valueThatIsNotConfluentAvroIsDeadLetteredWithItsBytesAndTheMagicByte() {
    byte[] key = "json-1".getBytes(StandardCharsets.UTF_8);
    byte[] json = "{\"id\":\"json-1\",\"title\":\"Zephyra\",\"body\":\"Plain JSON, no schema id.\"}"
        .getBytes(StandardCharsets.UTF_8);
    Instant recordTime = Instant.parse("2025-02-24T10:07:00Z");
    harness.send(GOOD);

    harness.sendBytes(key, json, recordTime);

    TestRecord<String, DeadLetter> letter = harness.deadLetters().readRecord();
    assertThat(letter.key()).isEqualTo("json-1");
    assertThat(letter.getRecordTime()).isEqualTo(recordTime);
    assertThat(letter.value()).isEqualTo(DeadLetter.newBuilder()
        .setStage("normalize")
        .setReason("SerializationException: Unknown magic byte 0x7b at offset 0 of record from topic news.raw"
            + " (expected 0x0)")
        .setSourceTopic("news.raw")
        .setPartition(0)
        .setOffset(1L)
        .setKey(ByteBuffer.wrap(key))
        .setValue(ByteBuffer.wrap(json))
        .setTimestamp(recordTime)
        .build());
    assertThat(harness.deadLetters().isEmpty()).isTrue();
  }

  @Test
  void goodRecordAfterAnUndecodableOneIsStillPublished() {
    harness.sendBytes("junk".getBytes(StandardCharsets.UTF_8), new byte[] {0x7f, 0x01}, T0);

    harness.send(GOOD);

    assertThat(harness.deadLetters().readValue().getReason())
        .isEqualTo("SerializationException: Payload of 2 bytes from topic news.raw is truncated:"
            + " the Confluent header needs 5");
    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good-1");
  }

  @Test
  void articleWithAnEmptyBodyIsDeadLetteredWithItsAvroBytes() {
    RawArticle blank = RawArticles.json("blank-1", "https://news.example.com/blank-1", "Zephyra", " \n\t ", T0);

    harness.send(blank);
    harness.send(GOOD);

    TestRecord<String, DeadLetter> letter = harness.deadLetters().readRecord();
    assertThat(letter.key()).isEqualTo("blank-1");
    assertThat(letter.value()).isEqualTo(DeadLetter.newBuilder()
        .setStage("normalize")
        .setReason("NormalizationException: empty_body: body empty after cleaning, id=blank-1")
        .setSourceTopic("news.raw")
        .setPartition(0)
        .setOffset(0L)
        .setKey(ByteBuffer.wrap("blank-1".getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(harness.wireBytes(blank)))
        .setTimestamp(T0)
        .build());
    assertThat(harness.articles().readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good-1");
  }

  @Test
  void bodyOfOnlyAReporterCreditIsAnEmptyBody() {
    harness.send(RawArticles.json("credit-only", null, "파이낸셜뉴스 속보", "wongood@fnnews.com 주원규 기자", T0));

    assertThat(harness.deadLetters().readValue().getReason())
        .isEqualTo("NormalizationException: empty_body: body empty after cleaning, id=credit-only");
    assertThat(harness.articles().isEmpty()).isTrue();
  }

  @Test
  void articleWithoutATitleIsDeadLettered() {
    harness.send(RawArticles.json("untitled", null, null, "Zephyra opened an office.", T0));

    assertThat(harness.deadLetters().readValue().getReason())
        .isEqualTo("NormalizationException: missing_title: id=untitled");
  }

  @Test
  void unsupportedContentTypeIsDeadLettered() {
    RawArticle html = RawArticle.newBuilder(GOOD).setId("html-1").setContentType("text/html").build();

    harness.send(html);

    assertThat(harness.deadLetters().readValue().getReason())
        .isEqualTo("NormalizationException: unsupported_content_type: contentType=text/html id=html-1");
  }

  @Test
  void tombstoneOnRawIsDeadLettered() {
    harness.sendBytes("gone-1".getBytes(StandardCharsets.UTF_8), null, T0);

    DeadLetter letter = harness.deadLetters().readValue();

    assertThat(letter.getReason()).isEqualTo("empty value: news.raw carries no tombstones");
    assertThat(letter.getValue()).isNull();
    assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap("gone-1".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void undecodableRecordWithoutAKeyIsDeadLetteredWithoutOne() {
    harness.sendBytes(null, "not avro".getBytes(StandardCharsets.UTF_8), T0);

    TestRecord<String, DeadLetter> letter = harness.deadLetters().readRecord();

    assertThat(letter.key()).isNull();
    assertThat(letter.value().getKey()).isNull();
    assertThat(harness.articles().isEmpty()).isTrue();
    assertThat(harness.duplicates().isEmpty()).isTrue();
  }
}
