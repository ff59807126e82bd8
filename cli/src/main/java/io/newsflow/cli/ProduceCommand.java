package io.newsflow.cli;

import io.newsflow.producer.ProducerConfig;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsflow produce PATH...}: sends the articles in files and directories to news.raw. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = "Reads articles (portal-layout text, JSON, JSON Lines) from files and directories and "
        + "publishes them to news.raw.")
final class ProduceCommand implements Callable<Integer> {

  @Mixin
  ClusterOptions cluster;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read.")
  List<Path> inputs;

  @Option(names = "--topic", defaultValue = ProducerConfig.DEFAULT_TOPIC,
      description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--dry-run", description = "Parse and print the records without sending them.")
  boolean dryRun;

  @Override
  public Integer call() {
    ProducerSummary summary;
    if (dryRun) {
      summary = ProducerRun.dryRun().run(inputs);
      summary.records().forEach(record -> System.out.println(record));
    } else {
      summary = ProducerRun.sending(producerConfig(cluster.resolve(), topic)).run(inputs);
    }
    System.out.println(summary.format());
    return summary.succeeded() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  static ProducerConfig producerConfig(Map<String, String> config, String topic) {
    Map<String, Object> extra = new HashMap<>();
    config.forEach((key, value) -> {
      if (!key.startsWith("newsflow.") && !key.equals(LayeredConfig.BOOTSTRAP_SERVERS)
          && !key.equals(LayeredConfig.SCHEMA_REGISTRY_URL)) {
        extra.put(key, value);
      }
    });
    return new ProducerConfig(config.get(LayeredConfig.BOOTSTRAP_SERVERS),
        config.get(LayeredConfig.SCHEMA_REGISTRY_URL), topic, extra);
  }
}
