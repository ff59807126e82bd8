package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  @Test
  void defaultsListenOnLoopbackPort8080() {
    ApiConfig config = ApiConfig.defaults();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.applicationServer()).isEqualTo("127.0.0.1:8080");
    assertThat(config.url()).isEqualTo("http://127.0.0.1:8080/");
    assertThat(config.readyMaxLag()).isEqualTo(1000);
    assertThat(config.rebalanceWait()).hasMillis(5000);
  }

  @Test
  void readyLagCheckCanBeTurnedOffAndRebalanceWaitSet() {
    ApiConfig config = ApiConfig.from(Map.of(ApiConfig.READY_MAX_LAG, "-1", ApiConfig.REBALANCE_WAIT_MS, "250"));

    assertThat(config.readyMaxLag()).isEqualTo(Readiness.NO_LAG_CHECK);
    assertThat(config.rebalanceWait()).hasMillis(250);
    assertThatThrownBy(() -> ApiConfig.from(Map.of(ApiConfig.READY_MAX_LAG, "-2")))
        .hasMessageContaining(ApiConfig.READY_MAX_LAG);
  }

  @Test
  void advertisedHostIsWhatPeersAndApplicationServerUse() {
    ApiConfig config = ApiConfig.from(Map.of(ApiConfig.HOST, "0.0.0.0", ApiConfig.PORT, "9000",
        ApiConfig.ADVERTISED_HOST, "streams-1.internal"));

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.applicationServer()).isEqualTo("streams-1.internal:9000");
  }

  @Test
  void portZeroPicksAFreePortOnce() {
    ApiConfig config = ApiConfig.from(Map.of(ApiConfig.PORT, "0"));

    assertThat(config.port()).isBetween(1, 65535);
    assertThat(config.applicationServer()).isEqualTo("127.0.0.1:" + config.port());
  }

  @Test
  void badPortIsRejectedWithTheKey() {
    assertThatThrownBy(() -> ApiConfig.from(Map.of(ApiConfig.PORT, "http")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("newsflow.http.port=http is not a whole number");
    assertThatThrownBy(() -> ApiConfig.from(Map.of(ApiConfig.PORT, "70000")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("newsflow.http.port=70000 is not a port (0-65535)");
  }
}
