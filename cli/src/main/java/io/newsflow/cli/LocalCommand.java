package io.newsflow.cli;

import io.newsflow.localstack.LocalStack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow local}: the local Kafka broker (or cluster) and schema registry alone, until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = {"Runs Kafka (KRaft) and a schema registry on this machine until Ctrl-C.",
        "One broker runs in this process; with --brokers 3 each broker is a child process on --kafka-port, +1, +2,"
            + " its pid in <data-dir>/broker-<n>.pid, and topics get 3 replicas and min.insync.replicas=2."})
final class LocalCommand implements Callable<Integer> {

  @Mixin
  StackOptions stack;

  @Option(names = "--data-dir", defaultValue = "${sys:newsflow.home:-.}/.newsflow",
      description = "Where the broker keeps its data between runs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--brokers", defaultValue = "1",
      description = "Kafka nodes, each broker and controller (default: ${DEFAULT-VALUE}).")
  int brokers;

  @Override
  public Integer call() throws Exception {
    Shutdown shutdown = Shutdown.onSignal();
    Path data = dataDir;
    try (LocalStack local = LocalStack.start(stack.config(data, brokers))) {
      System.out.println("Kafka:           " + local.bootstrapServers());
      local.cluster().ifPresent(cluster -> {
        for (int node = 1; node <= cluster.size(); node++) {
          System.out.println("  broker " + node + ":      pid " + cluster.pid(node) + " (" + cluster.pidFile(node)
              + ")");
        }
      });
      System.out.println("Schema registry: " + local.schemaRegistryUrl());
      System.out.println("Data:            " + data.toAbsolutePath().normalize());
      System.out.println("Ctrl-C stops both.");
      shutdown.await();
    } finally {
      shutdown.done();
    }
    return ExitCodes.OK;
  }
}
