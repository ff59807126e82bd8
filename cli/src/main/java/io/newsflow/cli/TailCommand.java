package io.newsflow.cli;

import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.client.SchemaRegistryException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow tail TOPIC}: prints a topic's records as JSON lines, for operators at a terminal. Reads
 * every partition without a consumer group (nothing is committed) and only committed transactions, as the
 * pipeline's downstream consumers do.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = {
        "Prints the records of a topic (news.raw, news.articles, news.duplicates, news.trends, news.dlq, ...) as JSON "
            + "lines: topic, partition, offset, timestamp, key, and the value in Avro's JSON encoding.",
        "Follows the topic until Ctrl-C, or until --max records were printed."})
final class TailCommand implements Callable<Integer> {

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

  @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic to print.")
  String topic;

  @Option(names = "--from-beginning", description = "Start at the oldest record instead of the end.")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Exit after printing N records.")
  Long max;

  @Mixin
  ClusterOptions cluster;

  @Override
  public Integer call() {
    if (max != null && max < 1) {
      System.err.println("newsflow: --max must be at least 1");
      return ExitCodes.USAGE;
    }
    Map<String, String> config = cluster.resolve();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Shutdown shutdown = Shutdown.onSignal();
    try (SchemaRegistryClient registry = SchemaRegistryClients.create(SchemaRegistryClients.clientSettings(config));
        KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(consumerConfig(config), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition()))
          .toList();
      if (partitions.isEmpty()) {
        System.err.println("newsflow: topic " + topic + " does not exist; topics: " + String.join(", ",
            consumer.listTopics(METADATA_TIMEOUT).keySet().stream().filter(t -> !t.startsWith("_")).sorted()
                .toList()));
        return ExitCodes.FAILED;
      }
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      AvroJsonLines lines = new AvroJsonLines(registry);
      long printed = 0;
      while (!shutdown.requested() && (max == null || printed < max)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          print(out, lines, record);
          if (max != null && ++printed >= max) {
            break;
          }
        }
      }
      return ExitCodes.OK;
    } finally {
      shutdown.done();
    }
  }

  private static void print(PrintStream out, AvroJsonLines lines, ConsumerRecord<byte[], byte[]> record) {
    try {
      out.println(lines.line(record));
    } catch (SerializationException | SchemaRegistryException e) {
      // One bad record must not end a tail: say where it is and go on.
      System.err.printf("newsflow: cannot decode %s-%d offset %d: %s%n", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  /** The consumer settings of {@code config}, committing nothing and reading committed records only. */
  static Map<String, Object> consumerConfig(Map<String, String> config) {
    Map<String, Object> props = KafkaClientSettings.consumer(config);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-tail");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return props;
  }
}
