package io.newsflow.cli;

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

  boolean requested() {
    return requested.getCount() == 0;
  }

  /** Call once every resource is closed (in a finally block). */
  void done() {
    finished.countDown();
  }
}
