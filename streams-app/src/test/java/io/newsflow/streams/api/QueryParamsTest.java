package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

  private static final List<Duration> WINDOWS = List.of(Duration.ofHours(1), Duration.ofMinutes(5));

  @Test
  void absentWindowMeansTheFirstConfiguredSize() {
    assertThat(QueryParams.parseWindow(null, WINDOWS)).isEqualTo(Duration.ofHours(1));
    assertThat(QueryParams.parseWindow(" ", WINDOWS)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void windowIsAnIsoDurationAmongTheConfiguredSizes() {
    assertThat(QueryParams.parseWindow("PT5M", WINDOWS)).isEqualTo(Duration.ofMinutes(5));
    assertThat(QueryParams.parseWindow("PT60M", WINDOWS)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void malformedWindowIsABadRequestNamingTheFormat() {
    assertThatThrownBy(() -> QueryParams.parseWindow("1h", WINDOWS))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("window=1h is not an ISO-8601 duration such as PT1H");
  }

  @Test
  void windowThatIsNotComputedIsABadRequestListingTheAvailableOnes() {
    assertThatThrownBy(() -> QueryParams.parseWindow("PT10M", WINDOWS))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("window=PT10M is not computed; available: PT1H, PT5M");
  }

  @Test
  void instantsAreIsoInstantsOrAbsent() {
    assertThat(QueryParams.parseInstant("from", "2025-02-24T08:00:00Z"))
        .isEqualTo(Instant.parse("2025-02-24T08:00:00Z"));
    assertThat(QueryParams.parseInstant("from", null)).isNull();
    assertThatThrownBy(() -> QueryParams.parseInstant("to", "yesterday"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("to=yesterday is not an ISO-8601 instant such as 2025-02-24T08:00:00Z");
  }

  @Test
  void fromAfterToIsABadRequest() {
    assertThatThrownBy(() -> QueryParams.checkOrder(Instant.parse("2025-02-24T09:00:00Z"),
        Instant.parse("2025-02-24T08:00:00Z")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("from=2025-02-24T09:00:00Z is after to=2025-02-24T08:00:00Z");
  }

  @Test
  void limitIsAWholeNumberWithinBounds() {
    assertThat(QueryParams.parseLimit(null, 24, 1000)).isEqualTo(24);
    assertThat(QueryParams.parseLimit("1000", 24, 1000)).isEqualTo(1000);
    assertThatThrownBy(() -> QueryParams.parseLimit("0", 24, 1000)).hasMessage("limit=0 must be between 1 and 1000");
    assertThatThrownBy(() -> QueryParams.parseLimit("ten", 24, 1000)).hasMessage("limit=ten is not a whole number");
  }
}
