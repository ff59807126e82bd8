package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchRateTest {

  @Test
  void aNumberIsAFixedRateThatIgnoresThePeak() {
    BenchRate rate = BenchRate.parse("12.5");

    assertThat(rate.auto()).isFalse();
    assertThat(rate.resolve(300)).isEqualTo(12.5);
  }

  @Test
  void autoIsHalfTheMeasuredPeak() {
    BenchRate rate = BenchRate.parse(" Auto ");

    assertThat(rate.auto()).isTrue();
    assertThat(rate.resolve(300)).isEqualTo(150);
  }

  @Test
  void anythingButAPositiveNumberOrAutoIsRefused() {
    for (String text : new String[] {"0", "-3", "fast", "NaN", "Infinity", ""}) {
      assertThatThrownBy(() -> BenchRate.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a rate");
    }
  }
}
