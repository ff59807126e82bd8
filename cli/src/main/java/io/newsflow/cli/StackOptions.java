package io.newsflow.cli;

import io.newsflow.localstack.LocalStack;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the local stack listens and keeps its data. */
final class StackOptions {

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081",
      description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--host", defaultValue = "localhost", description = "Host to bind (default: ${DEFAULT-VALUE}).")
  String host;

  LocalStack.Config config(Path dataDir) {
    return config(dataDir, 1);
  }

  LocalStack.Config config(Path dataDir, int brokers) {
    return new LocalStack.Config(host, kafkaPort, registryPort, dataDir, brokers);
  }
}
