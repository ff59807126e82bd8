package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingScheduleTest {

  @Test
  void twentyPerSecondForTwentySecondsSendsFourHundredFiftyMillisecondsApart() {
    PacingSchedule schedule = new PacingSchedule(20, Duration.ofSeconds(20));

    assertThat(schedule.count()).isEqualTo(400);
    assertThat(schedule.dueNanos(0)).isZero();
    assertThat(schedule.dueNanos(1)).isEqualTo(50_000_000L);
    assertThat(schedule.dueNanos(399)).isEqualTo(19_950_000_000L);
  }

  @Test
  void aFractionalRateIsDueAtRoundedNanosecondsThatDoNotDrift() {
    PacingSchedule schedule = new PacingSchedule(3, Duration.ofSeconds(1));

    assertThat(schedule.count()).isEqualTo(3);
    assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333L);
    assertThat(schedule.dueNanos(2)).isEqualTo(666_666_667L);
    // Computed from the index, not by adding a rounded interval: a million articles on, still on the second.
    assertThat(schedule.dueNanos(3_000_000)).isEqualTo(1_000_000_000_000_000L);
  }

  @Test
  void anArticleDueBeforeTheEndIsSentEvenWhenTheDurationIsNotAWholeNumberOfIntervals() {
    // Due at 0, 0.4, 0.8 and 1.2 s: all before 1.3 s.
    assertThat(new PacingSchedule(2.5, Duration.ofMillis(1300)).count()).isEqualTo(4);
  }

  @Test
  void noRateOrDurationIsRefused() {
    assertThatThrownBy(() -> new PacingSchedule(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PacingSchedule(Double.NaN, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PacingSchedule(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
