package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void readsIsoInstantsOffsetsZonesRfc1123AndEpochMillis() {
    Instant expected = Instant.parse("2025-02-24T08:04:00Z");
    assertThat(Timestamps.parse("2025-02-24T08:04:00Z")).contains(expected);
    assertThat(Timestamps.parse("2025-02-24T17:04:00+09:00")).contains(expected);
    assertThat(Timestamps.parse("2025-02-24T17:04:00+09:00[Asia/Seoul]")).contains(expected);
    assertThat(Timestamps.parse("Mon, 24 Feb 2025 17:04:00 +0900")).contains(expected);
    assertThat(Timestamps.parse(" 1740384240000 ")).contains(expected);
  }

  @Test
  void refusesTimesWithoutOffsetAndText() {
    assertThat(Timestamps.parse("2025-02-24T17:04:00")).isEmpty();
    assertThat(Timestamps.parse("2025.02.24 17:04")).isEmpty();
    assertThat(Timestamps.parse("99999999999999999999")).isEmpty();
  }
}
