package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiAuthTest {

  @Test
  void noKeysMeanNoAuthenticationAndBlankValuesCountAsUnset() {
    ApiAuth auth = ApiConfig.from(Map.of(ApiConfig.AUTH_TOKEN, " ", ApiConfig.AUTH_BASIC, "")).auth();

    assertThat(auth.required()).isFalse();
    assertThat(auth.scheme()).isEqualTo("none");
    assertThat(auth.authorization()).isEmpty();
    assertThat(auth.accepts(null)).isTrue();
    assertThat(ApiConfig.defaults().auth().required()).isFalse();
  }

  @Test
  void bothKeysAreAConfigurationError() {
    assertThatThrownBy(() -> ApiConfig.from(Map.of(ApiConfig.AUTH_TOKEN, "abc", ApiConfig.AUTH_BASIC, "u:p")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("set newsflow.http.auth.token or newsflow.http.auth.basic, not both");
  }

  @Test
  void malformedSecretsAreRejectedWithoutShowingThem() {
    assertThatThrownBy(() -> ApiAuth.from(Map.of(ApiConfig.AUTH_TOKEN, "two words")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newsflow.http.auth.token may hold only letters, digits and -._~+/ (then '=' padding); "
            + "value not shown");
    for (String basic : new String[] {"nocolon", ":password", "user:"}) {
      assertThatThrownBy(() -> ApiAuth.from(Map.of(ApiConfig.AUTH_BASIC, basic)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("newsflow.http.auth.basic must be user:password, both non-empty; value not shown");
    }
  }

  @Test
  void bearerTokenIsAcceptedOnlyWhole() {
    ApiAuth auth = ApiAuth.from(Map.of(ApiConfig.AUTH_TOKEN, "tok-123"));

    assertThat(auth.scheme()).isEqualTo("bearer");
    assertThat(auth.challenge()).isEqualTo("Bearer realm=\"newsflow\"");
    assertThat(auth.authorization()).contains("Bearer tok-123");
    assertThat(auth.accepts("Bearer tok-123")).isTrue();
    assertThat(auth.accepts("BEARER tok-123")).isTrue();
    assertThat(auth.accepts("Bearer tok-12")).isFalse();
    assertThat(auth.accepts("Bearer tok-1234")).isFalse();
    assertThat(auth.accepts("Bearer")).isFalse();
    assertThat(auth.accepts("tok-123")).isFalse();
    assertThat(auth.accepts(null)).isFalse();
  }

  @Test
  void basicCredentialsSplitAtTheFirstColon() {
    ApiAuth auth = ApiAuth.from(Map.of(ApiConfig.AUTH_BASIC, "ops:p:w"));

    assertThat(auth.scheme()).isEqualTo("basic");
    assertThat(auth.challenge()).isEqualTo("Basic realm=\"newsflow\", charset=\"UTF-8\"");
    assertThat(auth.authorization()).contains("Basic " + base64("ops:p:w"));
    assertThat(auth.accepts("Basic " + base64("ops:p:w"))).isTrue();
    assertThat(auth.accepts("Basic " + base64("ops:p"))).isFalse();
    assertThat(auth.accepts("Basic " + base64("ops:p:w "))).isFalse();
    assertThat(auth.accepts("Basic %%%")).isFalse();
    assertThat(auth.accepts("Bearer ops:p:w")).isFalse();
  }

  @Test
  void secretsNeverShowInToStringsOfTheConfiguration() {
    ApiConfig bearer = ApiConfig.from(Map.of(ApiConfig.AUTH_TOKEN, "tok-123"));
    ApiConfig basic = ApiConfig.from(Map.of(ApiConfig.AUTH_BASIC, "ops:hunter2"));

    assertThat(bearer.auth()).hasToString("ApiAuth[bearer, credentials masked]");
    assertThat(bearer.toString()).doesNotContain("tok-123");
    assertThat(basic.toString()).contains("ApiAuth[basic, credentials masked]").doesNotContain("hunter2")
        .doesNotContain(base64("ops:hunter2"));
  }

  @Test
  void authKeysAreMappedFromTheEnvironment() {
    assertThat(ApiConfig.KEYS).contains("newsflow.http.auth.token", "newsflow.http.auth.basic");
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
