package io.newsflow.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.newsflow.avro.RawArticle;
import io.newsflow.registry.client.HttpSchemaRegistryClient;
import io.newsflow.registry.client.RegisteredSchema;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.client.SchemaRegistryException;
import io.newsflow.registry.server.SchemaRegistryServer;
import io.newsflow.registry.server.ServerTls;
import io.newsflow.registry.testing.Fixtures;
import io.newsflow.registry.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLParameters;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client and serde against the embedded registry serving HTTPS with basic auth, with a CA made by the test:
 * the same schemas and the same wire bytes as over plain HTTP, and clear errors for each way it can go wrong.
 */
class SecuredRegistryTest {

  private static final String TOPIC = "news.raw";
  private static final String SUBJECT = "news.raw-value";

  @TempDir
  static Path dir;
  private static TestPki pki;
  private SchemaRegistryServer server;

  @BeforeAll
  static void makeCertificates() {
    pki = TestPki.create(dir);
  }

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory()
        .withTls(new ServerTls(pki.serverKeyStore(), TestPki.PASSWORD))
        .withBasicAuth(Map.of("user", "secret")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theClientWithTheTrustStoreAndUserInfoRegistersAndFetchesASchema() {
    try (SchemaRegistryClient writer = HttpSchemaRegistryClient.create(server.url(), secured("user:secret"));
        SchemaRegistryClient reader = HttpSchemaRegistryClient.create(server.url(), secured("user:secret"))) {
      int id = writer.register(SUBJECT, RawArticle.getClassSchema());

      assertThat(id).isEqualTo(1);
      assertThat(reader.getById(1)).isEqualTo(RawArticle.getClassSchema());
      assertThat(reader.getLatest(SUBJECT)).isEqualTo(new RegisteredSchema(SUBJECT, 1, 1, RawArticle.getClassSchema()));
      assertThat(server.url()).isEqualTo("https://localhost:" + server.port());
    }
  }

  @Test
  void theSerdeWritesTheSameBytesOverHttpsWithBasicAuthAsOverPlainHttp() {
    byte[] plain;
    try (SchemaRegistryServer open = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory());
        AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class)) {
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, open.url()), false);
      plain = serde.serializer().serialize(TOPIC, Fixtures.rawArticle());
    }

    try (AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class)) {
      serde.configure(secured("user:secret"), false);
      byte[] secure = serde.serializer().serialize(TOPIC, Fixtures.rawArticle());

      assertThat(secure).isEqualTo(plain);
      assertThat(HexFormat.of().formatHex(secure, 0, 5)).isEqualTo("0000000001");
      assertThat(serde.deserializer().deserialize(TOPIC, secure)).isEqualTo(Fixtures.rawArticle());
    }
  }

  @Test
  void aWrongPasswordIsA401SchemaRegistryExceptionWithTheStatus() {
    SchemaRegistryClient client = HttpSchemaRegistryClient.create(server.url(), secured("user:wrong"));

    assertThatThrownBy(() -> client.register(SUBJECT, RawArticle.getClassSchema()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.UNAUTHORIZED);
          assertThat(e.httpStatus()).isEqualTo(401);
        })
        .hasMessage("Schema Registry " + server.url() + " refused POST /subjects/news.raw-value/versions with"
            + " HTTP 401, error_code 401: Unauthorized");
  }

  @Test
  void noCredentialsAre401AndTheSerdeSaysSo() {
    Map<String, Object> configs = secured("user:secret");
    configs.remove(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE);
    configs.remove(AvroSerdeConfig.BASIC_AUTH_USER_INFO);
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(configs, false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, Fixtures.rawArticle()))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Could not register io.newsflow.avro.RawArticle under subject news.raw-value for topic news.raw"
            + " in registry " + server.url() + ": Schema Registry " + server.url() + " refused POST"
            + " /subjects/news.raw-value/versions with HTTP 401, error_code 401: Unauthorized")
        .cause().isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(401));
  }

  @Test
  void aClientWithoutTheTrustStoreFailsWithATlsErrorNamingTheUrl() {
    Map<String, Object> withoutTrustStore = secured("user:secret");
    withoutTrustStore.remove(SchemaRegistryClients.SSL_TRUSTSTORE_LOCATION);
    withoutTrustStore.remove(SchemaRegistryClients.SSL_TRUSTSTORE_PASSWORD);
    SchemaRegistryClient client = HttpSchemaRegistryClient.create(server.url(), withoutTrustStore);

    assertThatThrownBy(() -> client.register(SUBJECT, RawArticle.getClassSchema()))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_RESPONSE))
        .hasMessageStartingWith("Schema Registry unreachable for POST /subjects/news.raw-value/versions: "
            + server.url() + ": TLS failed: javax.net.ssl.SSLHandshakeException: PKIX path building failed")
        .hasMessageEndingWith("(trust store: schema.registry.ssl.truststore.location, host name check:"
            + " schema.registry.ssl.endpoint.identification.algorithm)");
  }

  @Test
  void theServersNameIsCheckedUnlessTheEndpointIdentificationAlgorithmIsEmpty() {
    String byAddress = "https://127.0.0.1:" + server.port();
    Map<String, Object> checked = secured("user:secret");
    checked.put(SchemaRegistryClients.SSL_TRUSTSTORE_LOCATION, pki.jksTrustStore().toString());
    checked.put(SchemaRegistryClients.SSL_TRUSTSTORE_TYPE, "JKS");
    Map<String, Object> unchecked = new HashMap<>(checked);
    unchecked.put(SchemaRegistryClients.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "");

    assertThatThrownBy(() -> HttpSchemaRegistryClient.create(byAddress, checked).subjects())
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining(byAddress + ": TLS failed: javax.net.ssl.SSLHandshakeException:")
        .hasMessageContaining("127.0.0.1");
    assertThat(HttpSchemaRegistryClient.create(byAddress, unchecked).register(SUBJECT, RawArticle.getClassSchema()))
        .isEqualTo(1);
  }

  @Test
  void theClientPresentsItsKeyStoreForMutualTls() throws Exception {
    List<String> peers = new CopyOnWriteArrayList<>();
    HttpsServer mutual = mutualTlsServer(peers);
    try {
      String url = "https://localhost:" + mutual.getAddress().getPort();
      Map<String, Object> withKey = secured("user:secret");
      withKey.put(SchemaRegistryClients.SSL_KEYSTORE_LOCATION, pki.clientKeyStore().toString());
      withKey.put(SchemaRegistryClients.SSL_KEYSTORE_PASSWORD, TestPki.PASSWORD);
      withKey.put(SchemaRegistryClients.SSL_KEYSTORE_TYPE, "PKCS12");

      assertThat(HttpSchemaRegistryClient.create(url, withKey).subjects()).isEmpty();
      assertThat(peers).containsExactly("CN=registry-client");
      assertThatThrownBy(() -> HttpSchemaRegistryClient.create(url, secured("user:secret")).subjects())
          .isInstanceOfSatisfying(SchemaRegistryException.class,
              e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_RESPONSE))
          .hasMessageStartingWith("Schema Registry unreachable for GET /subjects: " + url + ": ");
      assertThat(peers).containsExactly("CN=registry-client");
    } finally {
      mutual.stop(0);
    }
  }

  @Test
  void aStaticBearerTokenReachesAnHttpsRegistryAsTheAuthorizationHeader() throws Exception {
    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpsServer https = tlsServer(false,
        exchange -> authorizations.add(exchange.getRequestHeaders().getFirst("Authorization")));
    try {
      Map<String, Object> bearer = new HashMap<>();
      bearer.put(SchemaRegistryClients.SSL_TRUSTSTORE_LOCATION, pki.trustStore().toString());
      bearer.put(SchemaRegistryClients.SSL_TRUSTSTORE_PASSWORD, TestPki.PASSWORD);
      bearer.put(SchemaRegistryClients.SSL_TRUSTSTORE_TYPE, "PKCS12");
      bearer.put(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");
      bearer.put(AvroSerdeConfig.BEARER_AUTH_TOKEN, "eyJhbGciOiJSUzI1NiJ9.e30.sig");

      assertThat(HttpSchemaRegistryClient.create("https://localhost:" + https.getAddress().getPort(), bearer)
          .subjects()).isEmpty();
      assertThat(authorizations).containsExactly("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig");
    } finally {
      https.stop(0);
    }
  }

  /** Confluent's keys for this test's registry: its CA as trust store, basic auth with {@code userInfo}. */
  private Map<String, Object> secured(String userInfo) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
    configs.put(SchemaRegistryClients.SSL_TRUSTSTORE_LOCATION, pki.trustStore().toString());
    configs.put(SchemaRegistryClients.SSL_TRUSTSTORE_PASSWORD, TestPki.PASSWORD);
    configs.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
    configs.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
    return configs;
  }

  /** A stand-in registry that answers GET /subjects with [] only to clients with a certificate from the CA. */
  private static HttpsServer mutualTlsServer(List<String> peers) throws Exception {
    return tlsServer(true, exchange -> peers.add(exchange.getSSLSession().getPeerPrincipal().getName()));
  }

  /** A stand-in registry over HTTPS that answers GET /subjects with [] after showing each exchange to {@code seen}. */
  private static HttpsServer tlsServer(boolean needClientAuth, ExchangeRecorder seen) throws Exception {
    HttpsServer https = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(pki.mutualServerContext()) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
        parameters.setNeedClientAuth(needClientAuth);
        params.setSSLParameters(parameters);
      }
    });
    https.createContext("/subjects", exchange -> {
      try (exchange) {
        seen.record((HttpsExchange) exchange);
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    https.start();
    return https;
  }

  /** What a stand-in registry notes about a request before it answers. */
  private interface ExchangeRecorder {
    void record(HttpsExchange exchange) throws IOException;
  }
}
