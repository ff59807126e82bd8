package io.newsflow.cli;

import io.newsflow.streams.api.ApiConfig;
import io.newsflow.streams.config.StreamsSettings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Merges configuration layers: code defaults < properties file < environment < command line. Environment
 * names map onto keys as bakdata's streams-bootstrap does: {@code KAFKA_X_Y} -> {@code x.y},
 * {@code NEWSFLOW_X_Y} -> {@code newsflow.x.y}.
 */
final class LayeredConfig {

  static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Variables of Kafka's own scripts, not client settings. */
  private static final Set<String> LAUNCHER_VARIABLES = Set.of("KAFKA_HOME", "KAFKA_OPTS", "KAFKA_HEAP_OPTS",
      "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_DEBUG", "KAFKA_");

  private LayeredConfig() {}

  static Map<String, String> resolve(Path file, Map<String, String> env, Map<String, String> flags,
      String bootstrapServers, String schemaRegistryUrl) {
    Map<String, String> config = new TreeMap<>();
    config.put(BOOTSTRAP_SERVERS, "localhost:9092");
    config.put(SCHEMA_REGISTRY_URL, "http://localhost:8081");
    if (file != null) {
      config.putAll(readProperties(file));
    }
    config.putAll(fromEnvironment(env));
    config.putAll(flags);
    if (bootstrapServers != null) {
      config.put(BOOTSTRAP_SERVERS, bootstrapServers);
    }
    if (schemaRegistryUrl != null) {
      config.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    }
    return config;
  }

  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> config = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name.equals("SCHEMA_REGISTRY_URL")) {
        config.put(SCHEMA_REGISTRY_URL, value);
      } else if (name.startsWith("KAFKA_") && !LAUNCHER_VARIABLES.contains(name)) {
        config.put(dotted(name.substring("KAFKA_".length())), value);
      } else if (name.startsWith("NEWSFLOW_")) {
        config.put(newsflowKey(name), value);
      }
    });
    return config;
  }

  /** A known key whose environment spelling matches, else the dotted spelling. */
  private static String newsflowKey(String envName) {
    return Stream.concat(StreamsSettings.KEYS.stream(), ApiConfig.KEYS.stream())
        .filter(key -> envName.equals(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')))
        .findFirst()
        .orElse("newsflow." + dotted(envName.substring("NEWSFLOW_".length())));
  }

  private static String dotted(String envName) {
    return envName.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Map<String, String> readProperties(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> config = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> config.put(k, props.getProperty(k)));
    return config;
  }
}
