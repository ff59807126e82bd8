package io.newsflow.examples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The example's command line: where Kafka and the registry are, which topic, and when to stop. Parsed by hand so
 * that the example needs nothing beyond the Kafka client, the schemas and the serde.
 *
 * @param clientSettings extra Kafka client and registry client settings ({@code --config FILE}), e.g. TLS keys
 * @param maxRecords stop after this many snapshots; 0 means no limit
 * @param timeout stop after this long; null means no limit
 */
record ConsumerOptions(String bootstrapServers, String schemaRegistryUrl, String topic,
    Map<String, String> clientSettings, long maxRecords, Duration timeout) {

  static final String USAGE = "usage: TrendsConsumer [--bootstrap-servers HOST:PORT] [--schema-registry-url URL]"
      + " [--topic news.trends] [--config FILE] [--max-records N] [--timeout PT30S]";

  static ConsumerOptions parse(String... args) {
    String bootstrap = "localhost:9092";
    String registry = "http://localhost:8081";
    String topic = "news.trends";
    Map<String, String> settings = new HashMap<>();
    long max = 0;
    Duration timeout = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = name.contains("=") ? name.substring(name.indexOf('=') + 1) : valueAfter(args, ++i, name);
      switch (name.contains("=") ? name.substring(0, name.indexOf('=')) : name) {
        case "--bootstrap-servers" -> bootstrap = value;
        case "--schema-registry-url" -> registry = value;
        case "--topic" -> topic = value;
        case "--config" -> settings = read(Path.of(value));
        case "--max-records" -> max = Long.parseLong(value);
        case "--timeout" -> timeout = Duration.parse(value);
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      }
    }
    return new ConsumerOptions(bootstrap, registry, topic, Map.copyOf(settings), max, timeout);
  }

  private static String valueAfter(String[] args, int index, String name) {
    if (index >= args.length) {
      throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read --config " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
    return settings;
  }
}
