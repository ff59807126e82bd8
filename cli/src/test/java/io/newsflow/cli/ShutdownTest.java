package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  @Test
  void aFailureWakesTheWaitAndGivesItsReason() throws InterruptedException {
    Shutdown shutdown = new Shutdown();
    CompletableFuture<String> failure = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
        .execute(() -> failure.complete("Kafka Streams reached PENDING_ERROR (from RUNNING)"));

    assertThat(shutdown.awaitOr(failure)).isEqualTo("Kafka Streams reached PENDING_ERROR (from RUNNING)");
    assertThat(shutdown.requested()).isFalse();
  }
}
