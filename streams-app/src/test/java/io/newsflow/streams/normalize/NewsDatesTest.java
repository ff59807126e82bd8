package io.newsflow.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewsDatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "2025.02.24 17:04 | 2025-02-24T08:04:00Z",
      "2018.09.29 오전 10:05 | 2018-09-29T01:05:00Z",
      "2025.02.24. 오후 5:04 | 2025-02-24T08:04:00Z",
      "Sat, 20 Mar 2021 14:20:00 +0900 | 2021-03-20T05:20:00Z",
      "20 Mar 2021 14:20:00 KST | 2021-03-20T05:20:00Z",
      "Sat, 20 Mar 2021 05:20:00 GMT | 2021-03-20T05:20:00Z",
      "2025-02-24T17:04:00+09:00 | 2025-02-24T08:04:00Z",
      "2025-02-24T08:04:00Z | 2025-02-24T08:04:00Z",
      "2025-02-24T17:04:00 | 2025-02-24T08:04:00Z",
      "2025-02-24T17:04:00.250 | 2025-02-24T08:04:00Z",
  })
  void formsRealSourcesUseAreReadWithSeoulForWallClockTimes(String text, String expected) {
    assertThat(NewsDates.parse(text, PortalDates.SEOUL)).contains(Instant.parse(expected));
  }

  @Test
  void wallClockTimeOfANonKoreanSourceIsReadInItsZone() {
    assertThat(NewsDates.parse("2025-02-24T17:04:00", ZoneOffset.UTC)).contains(Instant.parse("2025-02-24T17:04:00Z"));
  }

  @Test
  void textThatIsNoDateIsEmpty() {
    assertThat(NewsDates.parse("yesterday", PortalDates.SEOUL)).isEmpty();
    assertThat(NewsDates.parse("2025.02.30 17:04", PortalDates.SEOUL)).isEmpty();
    assertThat(NewsDates.parse(" ", PortalDates.SEOUL)).isEmpty();
  }
}
