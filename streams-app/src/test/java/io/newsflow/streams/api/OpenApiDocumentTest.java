package io.newsflow.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * openapi.yaml against the server: the same routes (and the same open ones) as Javalin registered, and the answers
 * that need no stores conform to it. Authentication is on, so the document's open routes are tested as open.
 * OpenApiResponsesIT checks the answers over real data.
 */
class OpenApiDocumentTest {

  private static final String TOKEN = "Bearer openapi-test-token";
  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  @TempDir
  static Path stateDir;

  private static UnstartedApi api;

  @BeforeAll
  static void start() {
    api = UnstartedApi.start(Map.of(ApiConfig.AUTH_TOKEN, "openapi-test-token"), stateDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void documentIsValidOpenApiWhoseReferencesAllResolve() {
    assertThat(CONTRACT.parserMessages()).isEmpty();
  }

  @Test
  void documentedRoutesAreExactlyTheRoutesTheServerRegistered() {
    Set<ApiServer.Route> registered = new HashSet<>(api.server.routes());
    Set<ApiServer.Route> documented = CONTRACT.routes();

    assertThat(difference(registered, documented)).as("registered but not documented (or open-ness differs)")
        .isEmpty();
    assertThat(difference(documented, registered)).as("documented but not registered (or open-ness differs)")
        .isEmpty();
    assertThat(registered).contains(new ApiServer.Route("GET", "/api/keywords/{keyword}", false),
        new ApiServer.Route("GET", "/health", true), new ApiServer.Route("GET", "/openapi.yaml", true));
  }

  @Test
  void documentIsServedWithoutCredentialsAsYaml() {
    HttpResponse<String> served = api.get(OpenApiDocument.PATH, null);

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith(OpenApiDocument.CONTENT_TYPE));
    assertThat(served.body()).isEqualTo(CONTRACT.yaml());
    assertConforms("GET", OpenApiDocument.PATH, served);
  }

  @Test
  void answersWithoutStoresConform() {
    assertConforms("GET", "/health", api.get("/health", null));
    HttpResponse<String> ready = api.get("/ready", null);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertConforms("GET", "/ready", ready);
    assertConforms("GET", "/", api.get("/", null));
    assertConforms("GET", "/metrics", api.get("/metrics", TOKEN));
    assertConforms("GET", "/api/windows", api.get("/api/windows", TOKEN));
    for (String route : List.of("/api/windows", "/api/stats", "/metrics", "/internal/stats")) {
      HttpResponse<String> refused = api.get(route, null);
      assertThat(refused.statusCode()).as(route).isEqualTo(401);
      assertConforms("GET", route, refused);
    }
    HttpResponse<String> badWindow = api.get("/api/trends?window=1h", TOKEN);
    assertThat(badWindow.statusCode()).isEqualTo(400);
    assertConforms("GET", "/api/trends", badWindow);
  }

  @Test
  void aFieldTheDocumentDoesNotNameOrAMissingOneIsAViolation() {
    String json = "application/json";

    assertThat(CONTRACT.violations("GET", "/api/windows", 200, json, "{\"windows\":[\"PT1H\"],\"default\":\"PT1H\"}"))
        .isEmpty();
    assertThat(CONTRACT.violations("GET", "/api/windows", 200, json,
        "{\"windows\":[\"PT1H\"],\"default\":\"PT1H\",\"extra\":1}")).singleElement().asString().contains("extra");
    assertThat(CONTRACT.violations("GET", "/api/windows", 200, json, "{\"windows\":[\"PT1H\"]}"))
        .singleElement().asString().contains("default");
    assertThat(CONTRACT.violations("GET", "/api/windows", 200, "text/plain", "PT1H")).containsExactly(
        "GET /api/windows 200 as text/plain is not documented");
    assertThat(CONTRACT.violations("GET", "/api/windows", 418, json, "{}")).hasSize(1);
    assertThat(CONTRACT.violations("GET", "/api/nothing", 200, json, "{}")).containsExactly(
        "GET /api/nothing is not documented");
  }

  private static void assertConforms(String method, String pathTemplate, HttpResponse<String> response) {
    assertThat(CONTRACT.violations(method, pathTemplate, response)).as("%s %s", method, pathTemplate).isEmpty();
  }

  private static Set<ApiServer.Route> difference(Set<ApiServer.Route> from, Set<ApiServer.Route> without) {
    Set<ApiServer.Route> rest = new HashSet<>(from);
    rest.removeAll(without);
    return rest;
  }
}
