package io.newsflow.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.registry.testing.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded registry over HTTPS with HTTP basic auth, seen at the HTTP level; and its configuration. */
class SecuredServerTest {

  private static final String SCHEMA_BODY = "{\"schema\":\"\\\"string\\\"\"}";
  private static final String UNAUTHORIZED = "{\"error_code\":401,\"message\":\"Unauthorized\"}";

  @TempDir
  static Path dir;
  private static TestPki pki;
  private SchemaRegistryServer server;

  @BeforeAll
  static void makeCertificates() {
    pki = TestPki.create(dir);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void httpsWithTheRightCredentialsServesEveryRoute() throws Exception {
    server = SchemaRegistryServer.start(secured().withBasicAuth("user:secret"));

    HttpResponse<String> registered = send("POST", "/subjects/items-value/versions", SCHEMA_BODY, basic("user:secret"));
    HttpResponse<String> root = send("GET", "/", null, basic("user:secret"));

    assertThat(server.url()).isEqualTo("https://localhost:" + server.port());
    assertThat(registered.statusCode()).isEqualTo(200);
    assertThat(registered.body()).isEqualTo("{\"id\":1}");
    assertThat(root.body()).isEqualTo("{}");
  }

  @Test
  void aRequestWithoutCredentialsGets401WithAChallengeAndConfluentsErrorBody() throws Exception {
    server = SchemaRegistryServer.start(secured().withBasicAuth("user:secret"));

    HttpResponse<String> refused = send("POST", "/subjects/items-value/versions", SCHEMA_BODY, null);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"newsflow-registry\"");
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
    assertThat(refused.body()).isEqualTo(UNAUTHORIZED);
    assertThat(send("GET", "/subjects", null, basic("user:secret")).body()).isEqualTo("[]");
  }

  @Test
  void wrongPasswordsUnknownUsersAndMalformedHeadersGet401() throws Exception {
    server = SchemaRegistryServer.start(secured().withBasicAuth(Map.of("user", "secret", "ops", "other")));

    assertThat(send("GET", "/subjects", null, basic("user:wrong")).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/subjects", null, basic("user:secretx")).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/subjects", null, basic("nobody:secret")).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/subjects", null, basic("user")).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/subjects", null, "Basic not-base64!").statusCode()).isEqualTo(401);
    assertThat(send("GET", "/subjects", null, "Bearer secret").statusCode()).isEqualTo(401);
    assertThat(send("GET", "/subjects", null, basic("ops:other")).body()).isEqualTo("[]");
    assertThat(send("GET", "/subjects", null, basic("user:secret")).body()).isEqualTo("[]");
  }

  @Test
  void passwordsMayContainColonsAndNonAsciiText() throws Exception {
    server = SchemaRegistryServer.start(secured().withBasicAuth("user:pa:ss워드"));

    assertThat(send("GET", "/subjects", null, basic("user:pa:ss워드")).body()).isEqualTo("[]");
    assertThat(send("GET", "/subjects", null, basic("user:pa")).statusCode()).isEqualTo(401);
  }

  @Test
  void basicAuthWorksOverPlainHttpToo() throws Exception {
    server = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory().withBasicAuth("user:secret"));
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> refused = plain.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(server.url()).isEqualTo("http://localhost:" + server.port());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void aKeyStoreThatDoesNotOpenStopsTheStartNamingTheFile() {
    SchemaRegistryServer.Config wrongPassword = SchemaRegistryServer.Config.inMemory()
        .withTls(new ServerTls(pki.serverKeyStore(), "not-the-password"));

    assertThatThrownBy(() -> SchemaRegistryServer.start(wrongPassword))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot load the registry's PKCS12 key store " + pki.serverKeyStore() + ": ");
  }

  @Test
  void configurationKeepsItsDefaultsAndLeavesSecretsOutOfItsText() {
    SchemaRegistryServer.Config config = new SchemaRegistryServer.Config("localhost", 0, "broker:9092", null)
        .withTls(new ServerTls(Path.of("/etc/registry.p12"), "store-secret", null, "key-secret"))
        .withBasicAuth("user:user-secret")
        .withKafkaClientSettings(Map.of("sasl.jaas.config", "password=\"jaas-secret\";"));

    assertThat(config.replicationFactor()).isEqualTo((short) -1);
    assertThat(config.minInsyncReplicas()).isEqualTo(OptionalInt.empty());
    assertThat(config.schemasTopic()).isEqualTo("_schemas");
    assertThat(config.tls().keyStoreType()).isEqualTo("PKCS12");
    assertThat(config.toString()).isEqualTo("Config[host=localhost, port=0, bootstrapServers=broker:9092,"
        + " schemasTopic=_schemas, tls=ServerTls[keyStore=/etc/registry.p12, keyStoreType=PKCS12],"
        + " basicAuthUsers=[user], kafkaClientSettings=[sasl.jaas.config], replicationFactor=-1,"
        + " minInsyncReplicas=OptionalInt.empty]");
    assertThat(new ServerTls(Path.of("a.p12"), "pw").keyPassword()).isEqualTo("pw");
  }

  @Test
  void invalidSettingsAreRefusedWithTheirValue() {
    SchemaRegistryServer.Config config = SchemaRegistryServer.Config.inMemory();

    assertThatThrownBy(() -> config.withBasicAuth("no-colon"))
        .hasMessage("basic auth user info must be user:password");
    assertThatThrownBy(() -> config.withBasicAuth(Map.of("a:b", "c")))
        .hasMessage("basic auth user names must be non-empty and without ':', was 'a:b'");
    assertThatThrownBy(() -> config.withReplicationFactor((short) 0))
        .hasMessage("replicationFactor must be -1 (broker default) or at least 1, was 0");
    assertThatThrownBy(() -> config.withMinInsyncReplicas(0)).hasMessage("minInsyncReplicas must be at least 1, was 0");
  }

  private static SchemaRegistryServer.Config secured() {
    return SchemaRegistryServer.Config.inMemory().withTls(new ServerTls(pki.serverKeyStore(), TestPki.PASSWORD));
  }

  private HttpResponse<String> send(String method, String path, String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(pki.clientContext())
        .build();
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }
}
