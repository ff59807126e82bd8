package io.newsflow.streams.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZeroPaddedTest {

  @Test
  void writesWhatStringFormatWrites() {
    long[] values = {0, 7, 300_000L, 1_740_000_000_000L, Long.MAX_VALUE, -1, -42, Long.MIN_VALUE / 2};
    for (long value : values) {
      assertThat(ZeroPadded.of(value, 19)).isEqualTo(String.format("%019d", value));
      assertThat(ZeroPadded.of(value, 20)).isEqualTo(String.format("%020d", value));
    }
    assertThat(ZeroPadded.of(300_000L, 19)).isEqualTo("0000000000000300000");
  }
}
