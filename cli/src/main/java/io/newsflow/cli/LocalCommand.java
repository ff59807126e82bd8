package io.newsflow.cli;

import io.newsflow.localstack.LocalStack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow local}: the local Kafka broker and schema registry alone, until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Runs a single-node Kafka broker (KRaft) and a schema registry on this machine until Ctrl-C.")
final class LocalCommand implements Callable<Integer> {

  @Mixin
  StackOptions stack;

  @Option(names = "--data-dir", defaultValue = "${sys:newsflow.home:-.}/.newsflow",
      description = "Where the broker keeps its data between runs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    Shutdown shutdown = Shutdown.onSignal();
    try (LocalStack local = LocalStack.start(stack.config(dataDir))) {
      System.out.println("Kafka:           " + local.bootstrapServers());
      System.out.println("Schema registry: " + local.schemaRegistryUrl());
      System.out.println("Data:            " + dataDir.toAbsolutePath().normalize());
      System.out.println("Ctrl-C stops both.");
      shutdown.await();
    } finally {
      shutdown.done();
    }
    return ExitCodes.OK;
  }
}
