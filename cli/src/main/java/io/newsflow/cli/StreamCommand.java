package io.newsflow.cli;

import io.newsflow.streams.StreamsApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsflow stream}: the Kafka Streams application against any cluster, until Ctrl-C. */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = "Runs the streams app (normalize, dedup, keywords, trends) and its REST API and dashboard "
        + "until Ctrl-C; exits 1 if Kafka Streams stops by itself (ERROR).")
final class StreamCommand implements Callable<Integer> {

  @Mixin
  ClusterOptions cluster;

  @Mixin
  HttpOptions http;

  @Override
  public Integer call() throws Exception {
    Shutdown shutdown = Shutdown.onSignal();
    try (StreamsApp app = StreamsApp.start(http.applyTo(cluster.resolve()))) {
      System.out.println("newsflow streams app running; dashboard and API at " + app.url() + "; Ctrl-C stops it.");
      String failure = shutdown.awaitOr(app.stopped());
      if (failure != null) {
        // One line an orchestrator's log shows beside the restart it makes because of the exit code.
        System.err.println("newsflow stream: stopped: " + failure);
        return ExitCodes.FAILED;
      }
    } finally {
      shutdown.done();
    }
    return ExitCodes.OK;
  }
}
