package io.newsflow.producer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A producer run in progress, as {@link ProducerRun#start} returns it: its progress so far, a way to stop
 * it, and its summary once it has closed. A run that follows inputs or polls feeds runs until stopped.
 */
public final class RunningProducer implements AutoCloseable {

  private final LiveRun run;

  RunningProducer(LiveRun run) {
    this.run = run;
  }

  public ProducerProgress progress() {
    return run.progress();
  }

  /** Asks the run to stop after the item at hand; returns at once (see {@link #await()}). */
  public void stop() {
    run.stop();
  }

  /** Waits until the run has closed (by itself, or after {@link #stop()}) and returns its summary. */
  public ProducerSummary await() throws InterruptedException {
    ProducerSummary summary = null;
    while (summary == null) {
      summary = run.awaitSummary(1, TimeUnit.DAYS);
    }
    return summary;
  }

  /** The summary if the run closes within {@code timeout}. */
  public Optional<ProducerSummary> await(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(run.awaitSummary(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  public boolean isDone() {
    try {
      return run.awaitSummary(0, TimeUnit.MILLISECONDS) != null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the run, waits for it to close, and returns its summary; an interrupt does not cut the wait short. */
  public ProducerSummary stopAndAwait() {
    stop();
    boolean interrupted = false;
    ProducerSummary summary = null;
    while (summary == null) {
      try {
        summary = await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return summary;
  }

  /** Stops the run and waits for it to close. */
  @Override
  public void close() {
    stopAndAwait();
  }
}
