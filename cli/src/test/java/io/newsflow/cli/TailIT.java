package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.TrendEntry;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.localstack.LocalStack;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsflow tail} against a real broker and registry, as an operator runs it. */
class TailIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant EIGHT = Instant.parse("2025-02-24T08:00:00Z");
  /** The topic the follow test adds to, so that the other tests see a fixed news.trends. */
  private static final String LIVE = "live.trends";

  private static LocalStack stack;

  @BeforeAll
  static void startStackAndProduce() throws Exception {
    stack = LocalStack.start(LocalStack.Config.forTests());
    stack.createTopics(Map.of("news.trends", 2, "pings", 1, LIVE, 1));
    sendSnapshot("news.trends", EIGHT, 3);
    sendSnapshot("news.trends", EIGHT.plusSeconds(3600), 5);
    sendSnapshot(LIVE, EIGHT, 3);
    GenericRecord ping = new GenericData.Record(AvroJsonLinesTest.PING);
    ping.put("n", 1);
    ping.put("note", null);
    int id = SchemaRegistryClients.create(stack.schemaRegistryUrl(), Map.of())
        .register("pings-value", AvroJsonLinesTest.PING);
    send("pings", "p-1", AvroJsonLinesTest.wire(id, AvroJsonLinesTest.PING, ping));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void fromBeginningPrintsEachRecordAsAJsonLineAndStopsAtMax() throws IOException {
    Run run = tail("news.trends", "--from-beginning", "--max", "2");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    lines.sort((a, b) -> a.path("key").asText().compareTo(b.path("key").asText()));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("topic").asText()).isEqualTo("news.trends");
    assertThat(lines.get(0).path("key").asText()).isEqualTo("2025-02-24T08:00:00Z");
    assertThat(lines.get(0).path("offset").asLong()).isZero();
    JsonNode value = lines.get(0).path("value");
    assertThat(value.path("windowStart").asLong()).isEqualTo(1740384000000L);
    assertThat(value.path("windowEnd").asLong()).isEqualTo(1740387600000L);
    assertThat(value.path("final").asBoolean()).isFalse();
    assertThat(value.path("entries").get(0).path("keyword").asText()).isEqualTo("딥시크");
    assertThat(value.path("entries").get(0).path("articleCount").asLong()).isEqualTo(3);
    assertThat(lines.get(1).path("key").asText()).isEqualTo("2025-02-24T09:00:00Z");
    assertThat(lines.get(1).path("value").path("entries").get(0).path("articleCount").asLong()).isEqualTo(5);
  }

  @Test
  void recordOfASchemaWithoutGeneratedClassIsPrintedGenerically() throws IOException {
    Run run = tail("pings", "--from-beginning", "--max", "1");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonNode line = JSON.readTree(run.out().strip());
    assertThat(line.path("key").asText()).isEqualTo("p-1");
    assertThat(line.path("value").toString()).isEqualTo("{\"n\":1,\"note\":null}");
  }

  @Test
  void withoutFromBeginningOnlyNewRecordsArePrinted() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    AtomicInteger exit = new AtomicInteger(-1);
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Thread tail = new Thread(() -> exit.set(new CommandLine(new Newsflow()).execute(
          "tail", LIVE, "--max", "1", "--bootstrap-servers", stack.bootstrapServers(),
          "--schema-registry-url", stack.schemaRegistryUrl())), "tail-under-test");
      tail.start();
      AtomicInteger hour = new AtomicInteger(10);
      // The tail starts at the end it finds; keep adding until it has printed one.
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
        sendSnapshot(LIVE, EIGHT.plusSeconds(3600L * hour.getAndIncrement()), 1);
        return !tail.isAlive();
      });
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8).strip();

    assertThat(exit.get()).isEqualTo(ExitCodes.OK);
    assertThat(out.split("\n")).hasSize(1);
    assertThat(JSON.readTree(out).path("key").asText())
        .isNotEqualTo("2025-02-24T08:00:00Z").startsWith("2025-02-2");
  }

  @Test
  void missingTopicFailsNamingTheTopicsThatExist() {
    Run run = tail("news.trend", "--from-beginning");

    assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("newsflow: topic news.trend does not exist; topics: ")
        .contains("news.trends").contains("pings");
  }

  private record Run(int exit, String out, String err) {
  }

  private static Run tail(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    List<String> all = new ArrayList<>(List.of("tail"));
    all.addAll(List.of(args));
    all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
        stack.schemaRegistryUrl()));
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new Newsflow()).execute(all.toArray(String[]::new));
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  private static void sendSnapshot(String topic, Instant start, long count)
      throws ExecutionException, InterruptedException {
    AvroSerializer<TrendSnapshot> values = new AvroSerializer<>();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    TrendSnapshot snapshot = TrendSnapshot.newBuilder().setWindowStart(start).setWindowEnd(start.plusSeconds(3600))
        .setFinal$(false)
        .setEntries(List.of(TrendEntry.newBuilder().setKeyword("딥시크").setArticleCount(count).setRank(1).build()))
        .build();
    send(topic, start.toString(), values.serialize(topic, snapshot));
  }

  private static void send(String topic, String key, byte[] value) throws ExecutionException, InterruptedException {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }
}
