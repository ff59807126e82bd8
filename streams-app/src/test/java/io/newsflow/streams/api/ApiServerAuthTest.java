package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's authentication on a real server over a Kafka Streams client that is never started ({@link UnstartedApi}):
 * /api/windows and /metrics answer without the stores, so they show what a protected route does.
 */
class ApiServerAuthTest {

  private static final String TOKEN = "s3cret-Token_1";
  private static final String BASIC = "operator:pa:ss word";

  @TempDir
  Path stateDir;

  private UnstartedApi api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void bearerTokenIsRequiredOnEveryRouteButTheProbesAndTheDashboardFiles() {
    start(Map.of(ApiConfig.AUTH_TOKEN, TOKEN));

    for (String route : List.of("/api/windows", "/api/stats", "/metrics", "/internal/stats")) {
      HttpResponse<String> without = get(route, null);
      assertThat(without.statusCode()).as(route).isEqualTo(401);
      assertThat(without.headers().firstValue("WWW-Authenticate")).as(route).contains("Bearer realm=\"newsflow\"");
      JsonNode error = ApiInstance.parse(without.body());
      assertThat(error.path("status").asInt()).isEqualTo(401);
      assertThat(error.path("error").asText()).isEqualTo(
          "missing or wrong credentials: this API needs an Authorization: Bearer header with the configured token");
      assertThat(get(route, "Bearer " + TOKEN + "x").statusCode()).as(route).isEqualTo(401);
      assertThat(get(route, "Basic " + base64(TOKEN)).statusCode()).as(route).isEqualTo(401);
    }

    HttpResponse<String> windows = get("/api/windows", "Bearer " + TOKEN);
    assertThat(windows.statusCode()).isEqualTo(200);
    assertThat(ApiInstance.parse(windows.body()).path("default").asText()).isEqualTo("PT1H");
    assertThat(get("/api/windows", "bearer " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(get("/metrics", "Bearer " + TOKEN).body()).contains("jvm_memory_used_bytes");
    assertOpenWithoutCredentials();
  }

  @Test
  void basicCredentialsAreRequiredAndAPasswordMayHoldColonsAndSpaces() {
    start(Map.of(ApiConfig.AUTH_BASIC, BASIC));

    HttpResponse<String> without = get("/api/windows", null);
    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(without.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"newsflow\", charset=\"UTF-8\"");
    assertThat(ApiInstance.parse(without.body()).path("error").asText())
        .isEqualTo("missing or wrong credentials: this API needs HTTP basic authentication");
    assertThat(get("/api/windows", "Basic " + base64("operator:pa:ss")).statusCode()).isEqualTo(401);
    assertThat(get("/api/windows", "Basic " + base64("other:pa:ss word")).statusCode()).isEqualTo(401);
    assertThat(get("/api/windows", "Basic not-base64!").statusCode()).isEqualTo(401);
    assertThat(get("/api/windows", "Bearer " + BASIC).statusCode()).isEqualTo(401);

    HttpResponse<String> windows = get("/api/windows", "Basic " + base64(BASIC));
    assertThat(windows.statusCode()).isEqualTo(200);
    assertThat(ApiInstance.parse(windows.body()).path("windows").get(0).asText()).isEqualTo("PT1H");
    assertThat(get("/metrics", "Basic " + base64(BASIC)).statusCode()).isEqualTo(200);
    assertOpenWithoutCredentials();
  }

  @Test
  void withoutAuthConfiguredNothingIsAskedFor() {
    start(Map.of());

    HttpResponse<String> windows = get("/api/windows", null);
    assertThat(windows.statusCode()).isEqualTo(200);
    assertThat(windows.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
  }

  private void assertOpenWithoutCredentials() {
    HttpResponse<String> health = get("/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ApiInstance.parse(health.body()).path("status").asText()).isEqualTo("up");
    // Not started, so not ready: a 503 from the check itself, not a 401.
    HttpResponse<String> ready = get("/ready", null);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ApiInstance.parse(ready.body()).path("reason").asText()).isEqualTo("streams state is CREATED");
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("dashboard.js");
    assertThat(get("/dashboard.js", null).statusCode()).isEqualTo(200);
    assertThat(get("/no-such-page", null).statusCode()).isEqualTo(404);
  }

  private void start(Map<String, String> auth) {
    api = UnstartedApi.start(auth, stateDir);
  }

  private HttpResponse<String> get(String path, String authorization) {
    return api.get(path, authorization);
  }

  private static String base64(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
