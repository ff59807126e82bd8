package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delayDoublesAtEachFailureInARowUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));

    assertThat(IntStream.rangeClosed(1, 7).mapToObj(backoff::delay)).containsExactly(
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
        Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
    assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofMinutes(1));
  }
}
