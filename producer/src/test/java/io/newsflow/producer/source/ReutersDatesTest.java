package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReutersDatesTest {

  @Test
  void wireDateIsReadAsUtcWithItsHundredths() {
    assertThat(ReutersDates.parse("19-OCT-1987 09:15:32.11")).contains(Instant.parse("1987-10-19T09:15:32.110Z"));
  }

  @Test
  void oneDigitDaysExtraSpacesTenthsAndTrailingNotesAreAccepted() {
    assertThat(ReutersDates.parse(" 5-APR-1987 01:53:30.38")).contains(Instant.parse("1987-04-05T01:53:30.380Z"));
    assertThat(ReutersDates.parse("3-MAR-1987  09:15:05.40")).contains(Instant.parse("1987-03-03T09:15:05.400Z"));
    assertThat(ReutersDates.parse("7-APR-1987 16:22:00.0")).contains(Instant.parse("1987-04-07T16:22:00Z"));
    assertThat(ReutersDates.parse("27-MAR-1987 00:02:59.13\u0005\u0005\u0005RM"))
        .contains(Instant.parse("1987-03-27T00:02:59.130Z"));
    assertThat(ReutersDates.parse("9-APR-1987 00:00:00.00    # date added as guesswork"))
        .contains(Instant.parse("1987-04-09T00:00:00Z"));
    assertThat(ReutersDates.parse("19-oct-1987 09:15:32")).contains(Instant.parse("1987-10-19T09:15:32Z"));
  }

  @Test
  void dateThatNamesNoRealTimeIsEmptyRatherThanGuessed() {
    assertThat(ReutersDates.parse("31-MAR-1987 605:12:19.12")).isEmpty();
    assertThat(ReutersDates.parse("31-FEB-1987 10:00:00.00")).isEmpty();
    assertThat(ReutersDates.parse("19-OKT-1987 09:15:32.11")).isEmpty();
    assertThat(ReutersDates.parse("October 19, 1987")).isEmpty();
    assertThat(ReutersDates.parse("")).isEmpty();
    assertThat(ReutersDates.parse(null)).isEmpty();
  }
}
