package io.newsflow.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How an application finds its cluster. Layers, each overriding the one before: built-in defaults, the
 * {@code --config} file, environment variables ({@code KAFKA_BOOTSTRAP_SERVERS} -> {@code bootstrap.servers},
 * {@code NEWSFLOW_TRENDS_WINDOW} -> {@code newsflow.trends.window}, {@code SCHEMA_REGISTRY_URL}), then flags.
 */
final class ClusterOptions {

  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: localhost:9092).")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", description = "Schema registry URL (default: http://localhost:8081).")
  String schemaRegistryUrl;

  @Option(names = "--config", description = "A properties file of Kafka client and newsflow.* settings.")
  Path configFile;

  @Option(names = {"-D", "--set"}, description = "One setting, key=value; repeatable.")
  Map<String, String> settings = Map.of();

  Map<String, String> resolve() {
    return LayeredConfig.resolve(configFile, System.getenv(), settings, bootstrapServers, schemaRegistryUrl);
  }
}
