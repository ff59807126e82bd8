package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.localstack.LocalStack;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.streams.verify.SeedPipeline;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs compat/confluent-js/check.mjs, which uses Confluent's own Schema Registry client for Node, against a
 * local stack after the whole pipeline has run: compatibility is judged by Confluent's code, not by ours.
 * Skipped unless node is on the PATH and the script's packages are installed.
 */
class ConfluentJsClientIT {

  private static final Path SCRIPT_DIR = Path.of("..", "compat", "confluent-js");
  private static final List<String> REQUIRED_TOPICS =
      List.of("news.raw", "news.articles", "news.duplicates", "news.trends");
  private static final Pattern TOPIC_SUMMARY = Pattern.compile(
      "^topic=(\\S+) decoded=(\\d+) failed=(\\d+) tombstones=(\\d+) reencoded=(\\d+)$", Pattern.MULTILINE);
  private static final long SCRIPT_TIMEOUT_SECONDS = 120;

  @TempDir
  static Path tempDir;

  private static LocalStack stack;
  private static SeedPipeline pipeline;
  private static ProducerSummary produced;
  private static int exitCode;
  private static String output;
  private static String skipReason;

  private record TopicSummary(long decoded, long failed, long tombstones, long reencoded) {
  }

  @BeforeAll
  static void runPipelineThenScript() throws Exception {
    if (!onPath("node")) {
      skipReason = "node is not on the PATH; install Node.js 20+ and run `npm ci --prefix compat/confluent-js` "
          + "to enable this test";
    } else if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules"))) {
      skipReason = "compat/confluent-js/node_modules is missing; run `npm ci --prefix compat/confluent-js` "
          + "to enable this test";
    }
    if (skipReason != null) {
      return;
    }

    pipeline = SeedPipeline.start(tempDir.resolve("streams-state"), "compat-it", Map.of());
    stack = pipeline.stack();
    produced = pipeline.produced();
    assertThat(produced.failures()).isEmpty();
    assertThat(produced.recordsSent()).isPositive();

    awaitRecordsOn(REQUIRED_TOPICS);
    runScript();
  }

  /** Assumed per test rather than in {@code @BeforeAll} so that the report counts the tests as skipped, with why. */
  @BeforeEach
  void requireNodeAndPackages() {
    assumeTrue(skipReason == null, skipReason);
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void confluentsClientRegistersReadsBackAndGets409ForAnIncompatibleSchema() {
    assertThat(output).contains("check=schema-registry passed=8 failed=0");
    assertThat(output).containsPattern(
        "\\{\"check\":\"get-by-id-equals-registered\",\"ok\":true,\"id\":\\d+");
    assertThat(output).containsPattern(
        "\\{\"check\":\"incompatible-is-409\",\"ok\":true,\"status\":409,\"errorCode\":409,");
  }

  @Test
  void confluentsDeserializerDecodesEveryRecordNewsflowWrote() {
    Map<String, TopicSummary> summaries = topicSummaries(output);

    assertThat(exitCode).as("exit code of node check.mjs; its output:%n%s", output).isZero();
    assertThat(summaries).containsKeys(REQUIRED_TOPICS.toArray(String[]::new));
    for (String topic : REQUIRED_TOPICS) {
      TopicSummary summary = summaries.get(topic);
      assertThat(summary.failed()).as("failed records on %s", topic).isZero();
      assertThat(summary.decoded()).as("decoded records on %s", topic).isPositive();
      // Confluent's serializer, given each record's schema id, writes the very bytes newsflow wrote.
      assertThat(summary.reencoded()).as("byte-identical re-encodings on %s", topic).isEqualTo(summary.decoded());
    }
    assertThat(summaries.get("news.raw").decoded()).isEqualTo(produced.recordsSent());
    assertThat(output).containsPattern("(?m)^result=ok decoded=\\d+ failed=0$");
  }

  private static void runScript() throws IOException, InterruptedException {
    Path stdout = tempDir.resolve("check-stdout.txt");
    Path stderr = tempDir.resolve("check-stderr.txt");
    Process process = new ProcessBuilder("node", "check.mjs",
        "--registry", stack.schemaRegistryUrl(),
        "--bootstrap", stack.bootstrapServers(),
        "--require", String.join(",", REQUIRED_TOPICS),
        "--timeout-ms", "90000")
        .directory(SCRIPT_DIR.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("node check.mjs did not finish within %d s; its output:%n%s%n%s", SCRIPT_TIMEOUT_SECONDS,
          Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }
    exitCode = process.exitValue();
    output = Files.readString(stdout, StandardCharsets.UTF_8);
    // Kept in the failsafe report so that a failure can be read without rerunning.
    System.out.println(output);
    System.out.println(Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** Reads committed records until each topic has at least one, so that the script has something to decode. */
  private static void awaitRecordsOn(List<String> topics) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "compat-it-watch-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = topics.stream()
          .flatMap(topic -> consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition())))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<String, Integer> counts = new HashMap<>();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).pollInSameThread()
          .until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> counts.merge(record.topic(), 1, Integer::sum));
            return counts.keySet().containsAll(topics);
          });
    }
  }

  private static Map<String, TopicSummary> topicSummaries(String text) {
    Map<String, TopicSummary> summaries = new LinkedHashMap<>();
    Matcher matcher = TOPIC_SUMMARY.matcher(text);
    while (matcher.find()) {
      summaries.put(matcher.group(1), new TopicSummary(Long.parseLong(matcher.group(2)),
          Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)), Long.parseLong(matcher.group(5))));
    }
    return summaries;
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
