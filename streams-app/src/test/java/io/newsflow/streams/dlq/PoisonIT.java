package io.newsflow.streams.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.RawArticle;
import io.newsflow.registry.serde.AvroDeserializer;
import io.newsflow.registry.serde.AvroSerde;
import io.newsflow.streams.StreamsApp;
import io.newsflow.streams.verify.LocalStackExtension;
import io.newsflow.streams.verify.PipelineRun;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign producer writes well over a thousand records straight to news.raw, with plain byte serializers:
 * bytes that are not Avro, a wrong magic byte, an unknown schema id, truncated Avro, trailing bytes, empty values,
 * tombstones, the schema of another subject, a 3 MB body; and well-formed but absurd articles (empty and
 * markup-only bodies, control characters and lone surrogates, dates in year 1 and 9999, null keys). Every
 * structurally bad record is in news.dlq (read_committed) with a reason that names what was wrong, the absurd
 * ones are either published or dead-lettered, the app stays RUNNING, and a good article sent last comes out.
 */
class PoisonIT {

  @RegisterExtension
  static final LocalStackExtension stack = new LocalStackExtension();

  private static final Instant T0 = Instant.parse("2025-02-24T08:00:00Z");
  @TempDir
  Path stateDir;

  /** A record to write and, for a structurally bad one, the words its dead letter's reason must contain. */
  private record Poison(byte[] key, byte[] value, String reason) {
  }

  @Test
  void everyBadRecordIsDeadLetteredAndTheAppKeepsGoing() throws Exception {
    PipelineRun run = new PipelineRun("poison", stack.bootstrapServers(), stack.schemaRegistryUrl(), 3);
    run.config().put("state.dir", stateDir.toString());
    AvroSerde<RawArticle> raws = serde(RawArticle.class);
    AvroSerde<DuplicateNotice> notices = serde(DuplicateNotice.class);
    Random random = new Random(7);
    List<Poison> poisons = new ArrayList<>();
    try (StreamsApp app = StreamsApp.start(run.config())) {
      allowLargeRecords(run.rawTopic());
      byte[] good = raws.serializer().serialize(run.rawTopic(), article("template", "A fine body of text."));
      byte[] otherSubject = notices.serializer().serialize("poison.news.duplicates", DuplicateNotice.newBuilder()
          .setId("x").setDuplicateOf("y").setKind(DuplicateKind.NEAR).setDistance(1).setDetectedAt(T0).build());
      for (int i = 0; i < 90; i++) {
        byte[] key = ("poison-" + i).getBytes(StandardCharsets.UTF_8);
        byte[] junk = new byte[1 + random.nextInt(200)];
        random.nextBytes(junk);
        junk[0] = (byte) (1 + random.nextInt(255));
        poisons.add(new Poison(key, junk, "magic byte"));
        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 1;
        poisons.add(new Poison(key, wrongMagic, "magic byte"));
        byte[] unknownId = good.clone();
        ByteBuffer.wrap(unknownId).putInt(1, 900_000 + i);
        poisons.add(new Poison(key, unknownId, "not found"));
        poisons.add(new Poison(key, Arrays.copyOf(good, 5 + random.nextInt(good.length - 6)), "truncated"));
        byte[] trailing = Arrays.copyOf(good, good.length + 1 + random.nextInt(20));
        poisons.add(new Poison(key, trailing, "trailing bytes"));
        poisons.add(new Poison(key, new byte[0], "truncated"));
        poisons.add(new Poison(key, null, "tombstone"));
        poisons.add(new Poison(null, otherSubject, "Could not decode"));
        poisons.add(new Poison(key, raws.serializer().serialize(run.rawTopic(), article("empty-" + i, "")),
            "empty_body"));
        poisons.add(new Poison(key, raws.serializer().serialize(run.rawTopic(),
            article("markup-" + i, "<div><p></p><br/><span> </span></div>")), "empty_body"));
        poisons.add(new Poison(key, raws.serializer().serialize(run.rawTopic(),
            at(article("year1-" + i, "Published in year one."), Instant.parse("0001-01-01T00:00:00Z"), true)),
            "bad_event_time"));
        // Well-formed and absurd: handled, or dead-lettered, but never a crash (no reason required).
        poisons.add(new Poison(key, raws.serializer().serialize(run.rawTopic(),
            at(article("year9999-" + i, "Published in year 9999, fetched today."),
                Instant.parse("9999-12-31T23:59:59Z"), false)), null));
        poisons.add(new Poison(null, raws.serializer().serialize(run.rawTopic(), article("control-" + i,
            "Control \u0000\u0001\u0007\u001b characters \ud800 and lone \udfff surrogates " + i + ".")), null));
      }
      String huge = "Word ".repeat(600_000);
      poisons.add(new Poison("huge".getBytes(StandardCharsets.UTF_8),
          raws.serializer().serialize(run.rawTopic(), article("huge", huge)), "too large"));
      assertThat(poisons).hasSizeGreaterThanOrEqualTo(1000);

      try (KafkaProducer<byte[], byte[]> foreign = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
          ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024), new ByteArraySerializer(),
          new ByteArraySerializer())) {
        for (Poison p : poisons) {
          foreign.send(new ProducerRecord<>(run.rawTopic(), p.key(), p.value())).get();
        }
        foreign.send(new ProducerRecord<>(run.rawTopic(), "after".getBytes(StandardCharsets.UTF_8),
            raws.serializer().serialize(run.rawTopic(), article("after-the-poison", "Nothing wrong here at all."))))
            .get();
      }

      Set<String> published = ConcurrentHashMap.newKeySet();
      List<DeadLetter> letters = new ArrayList<>();
      try (Reader<Article> articles = new Reader<>("poison.news.articles", Article.class);
          Reader<DeadLetter> dlq = new Reader<>("poison.news.dlq", DeadLetter.class)) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
          articles.poll().forEach(a -> published.add(a.getId()));
          letters.addAll(dlq.poll());
          return published.contains("after-the-poison")
              && letters.size() >= poisons.stream().filter(p -> p.reason() != null).count();
        });
      }
      assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      Map<String, Long> byReason = new HashMap<>();
      for (Poison p : poisons.stream().filter(p -> p.reason() != null).toList()) {
        byReason.merge(p.reason(), 1L, Long::sum);
      }
      for (Map.Entry<String, Long> expected : byReason.entrySet()) {
        assertThat(letters.stream().filter(l -> l.getReason().contains(expected.getKey())).count())
            .as("dead letters whose reason says '%s'", expected.getKey())
            .isGreaterThanOrEqualTo(expected.getValue());
      }
      assertThat(letters).allSatisfy(l -> {
        assertThat(l.getStage()).isEqualTo("normalize");
        assertThat(l.getSourceTopic()).isEqualTo(run.rawTopic());
        assertThat(l.getOffset()).isNotNegative();
      });
      // Absurd but well-formed: each handled or dead-lettered, none lost.
      for (int i = 0; i < 90; i++) {
        String id = "year9999-" + i;
        assertThat(published.contains(id) || letters.stream().anyMatch(l -> l.getReason().contains(id))).isTrue();
      }
      assertThat(published).contains("control-0", "year9999-0");
    }
  }

  private void allowLargeRecords(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get().contains(topic));
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
          new AlterConfigOp(new ConfigEntry("max.message.bytes", Integer.toString(8 * 1024 * 1024)),
              AlterConfigOp.OpType.SET)))).all().get();
    }
  }

  private static RawArticle article(String id, String body) {
    return RawArticle.newBuilder()
        .setId(id)
        .setSource("foreign")
        .setContentType("text/plain")
        .setTitle("Title of " + id)
        .setBody(body)
        .setPublishedAt(T0)
        .setFetchedAt(T0)
        .build();
  }

  private static RawArticle at(RawArticle article, Instant time, boolean fetchedToo) {
    RawArticle.Builder b = RawArticle.newBuilder(article).setPublishedAt(time);
    return (fetchedToo ? b.setFetchedAt(time) : b).build();
  }

  private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
    AvroSerde<T> serde = new AvroSerde<>(type);
    serde.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    return serde;
  }

  /** Reads a topic from the beginning, committed records only. */
  private static final class Reader<T extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;

    Reader(String topic, Class<T> type) {
      AvroDeserializer<T> values = new AvroDeserializer<>(type);
      values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
      List<TopicPartition> partitions = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        partitions.clear();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        return !partitions.isEmpty();
      });
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    List<T> poll() {
      List<T> values = new ArrayList<>();
      consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
      return values;
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
