package io.newsflow.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Blocks a long-running command until Ctrl-C (SIGINT/SIGTERM), then lets it close its resources before the
 * JVM exits: the shutdown hook waits for the command to report that it has finished closing.
 */
final class Shutdown {

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  static Shutdown onSignal() {
    Shutdown shutdown = new Shutdown();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shutdown.requested.countDown();
      try {
        shutdown.finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "newsflow-shutdown"));
    return shutdown;
  }

  void await() throws InterruptedException {
    requested.await();
  }

  /**
   * Blocks until Ctrl-C or until {@code failure} completes, whichever comes first; returns the failure's reason,
   * or null after a signal.
   */
  String awaitOr(CompletableFuture<String> failure) throws InterruptedException {
    CountDownLatch woken = new CountDownLatch(1);
    failure.whenComplete((reason, e) -> woken.countDown());
    Thread signal = new Thread(() -> {
      try {
        requested.await();
        woken.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "newsflow-signal-wait");
    signal.setDaemon(true);
    signal.start();
    woken.await();
    signal.interrupt();
    return requested() ? null : failure.getNow(null);
  }

  boolean requested() {
    return requested.getCount() == 0;
  }

  /** Call once every resource is closed (in a finally block). */
  void done() {
    finished.countDown();
  }
}
