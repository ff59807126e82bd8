package io.newsflow.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The counts of a run, updated from every source's thread and the producer's I/O thread. */
final class RunStats {

  private static final int MAX_KEPT_FAILURES = 1_000;

  final AtomicInteger files = new AtomicInteger();
  final AtomicInteger unchangedFiles = new AtomicInteger();
  final AtomicLong read = new AtomicLong();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong feedPolls = new AtomicLong();
  final AtomicLong notModified = new AtomicLong();
  private final List<Failure> failures = new ArrayList<>();
  private final long startNanos = System.nanoTime();

  void fail(Failure failure) {
    failed.incrementAndGet();
    synchronized (failures) {
      if (failures.size() < MAX_KEPT_FAILURES) {
        failures.add(failure);
      }
    }
  }

  List<Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  ProducerProgress progress() {
    return new ProducerProgress(Duration.ofNanos(System.nanoTime() - startNanos), files.get(), read.get(),
        sent.get(), skipped.get(), failed.get(), feedPolls.get(), notModified.get());
  }
}
