package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private long now;
  private final List<Long> sleeps = new ArrayList<>();
  private final RateLimiter.Sleeper sleeper = nanos -> {
    sleeps.add(TimeUnit.NANOSECONDS.toMillis(nanos));
    now += nanos;
  };

  @Test
  void permitsAreSpacedEvenlyAtTheRate() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(4, () -> now, sleeper);

    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }

    assertThat(sleeps).containsExactly(250L, 250L, 250L, 250L);
    assertThat(TimeUnit.NANOSECONDS.toMillis(now)).isEqualTo(1000);
  }

  @Test
  void idleTimeDoesNotBankABurst() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(2, () -> now, sleeper);
    limiter.acquire();

    now += TimeUnit.SECONDS.toNanos(10);
    limiter.acquire();
    limiter.acquire();

    assertThat(sleeps).containsExactly(500L);
  }

  @Test
  void noRateMeansNoWait() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(0, () -> now, sleeper);

    for (int i = 0; i < 100; i++) {
      limiter.acquire();
    }

    assertThat(sleeps).isEmpty();
  }
}
