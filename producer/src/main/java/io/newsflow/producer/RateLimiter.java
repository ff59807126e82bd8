package io.newsflow.producer;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Caps records per second over all sources with evenly spaced permits (a token bucket that holds one
 * token), so that a cap of N never lets more than N records through in any second, bursts included.
 */
final class RateLimiter {

  /** Waits; a seam for tests, which must not sleep. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private static final RateLimiter UNLIMITED = new RateLimiter(0, System::nanoTime, nanos -> { });

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long next;
  private boolean started;

  RateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
    this.intervalNanos = perSecond <= 0 ? 0 : Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond));
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  static RateLimiter perSecond(double rate) {
    return rate <= 0 ? UNLIMITED : new RateLimiter(rate, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  /** Blocks until the next record may go. */
  void acquire() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (!started || next - now < 0) {
        next = now;
        started = true;
      }
      wait = next - now;
      next += intervalNanos;
    }
    if (wait > 0) {
      sleeper.sleep(wait);
    }
  }
}
