package io.newsflow.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.registry.client.HttpSchemaRegistryClient;
import io.newsflow.registry.client.RegisteredSchema;
import io.newsflow.registry.client.SchemaRegistryClient;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.client.SchemaRegistryException;
import io.newsflow.registry.server.SchemaRegistryServer;
import io.newsflow.registry.testing.Fixtures;
import io.newsflow.registry.testing.RecordingProxy;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serde and HTTP client against the embedded server: credentials, errors, failover and the client API. */
class HttpClientSerdeTest {

  private static final String TOPIC = "news.raw";

  private SchemaRegistryServer server;
  private RecordingProxy proxy;

  @BeforeEach
  void start() throws IOException {
    server = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory());
    proxy = RecordingProxy.forwardingTo(server.url());
  }

  @AfterEach
  void stop() {
    proxy.close();
    server.close();
  }

  @Test
  void serdeRoundTripsThroughTheEmbeddedServer() {
    try (AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class)) {
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);

      byte[] bytes = serde.serializer().serialize(TOPIC, Fixtures.rawArticle());

      assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(Fixtures.rawArticle());
      assertThat(HexFormat.of().formatHex(bytes, 0, 5)).isEqualTo("0000000001");
    }
    try (SchemaRegistryClient client = HttpSchemaRegistryClient.create(server.url(), Map.of())) {
      assertThat(client.getLatest("news.raw-value"))
          .isEqualTo(new RegisteredSchema("news.raw-value", 1, 1, RawArticle.getClassSchema()));
    }
  }

  @Test
  void userInfoCredentialsAreSentAsBasicAuth() {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, proxy.url(),
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "user:pass"), false);

    serializer.serialize(TOPIC, Fixtures.rawArticle());

    assertThat(proxy.calls()).singleElement()
        .extracting(RecordingProxy.Call::authorization).isEqualTo("Basic dXNlcjpwYXNz");
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAndLeftOutOfTheRequestUrl() {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, proxy.urlWithUserInfo("alice:s3cr%40t"),
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"), false);

    serializer.serialize(TOPIC, Fixtures.rawArticle());

    // base64("alice:s3cr@t")
    assertThat(proxy.calls()).singleElement()
        .extracting(RecordingProxy.Call::authorization).isEqualTo("Basic YWxpY2U6czNjckB0");
  }

  @Test
  void aStaticBearerTokenIsSentAsBearerAuth() {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, proxy.url(),
        AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
        AvroSerdeConfig.BEARER_AUTH_TOKEN, "eyJhbGciOi.payload.sig"), false);

    serializer.serialize(TOPIC, Fixtures.rawArticle());

    assertThat(proxy.calls()).singleElement()
        .extracting(RecordingProxy.Call::authorization).isEqualTo("Bearer eyJhbGciOi.payload.sig");
  }

  @Test
  void withoutCredentialsNoAuthorizationHeaderIsSent() {
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, proxy.url()), false);

    serializer.serialize(TOPIC, Fixtures.rawArticle());

    assertThat(proxy.calls()).singleElement().extracting(RecordingProxy.Call::authorization).isNull();
  }

  @Test
  void unknownSchemaIdIsReportedWithTheRegistryUrl() {
    AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class);
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, HexFormat.of().parseHex("000000002a00")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Schema id 42 not found in registry " + server.url() + " for topic news.raw");
  }

  @Test
  void registryErrorsCarryConfluentsErrorCodeAndMessage() {
    SchemaRegistryClient client = HttpSchemaRegistryClient.create(server.url(), Map.of());

    assertThatThrownBy(() -> client.getById(99))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(40403);
          assertThat(e.httpStatus()).isEqualTo(404);
        })
        .hasMessage("Schema Registry " + server.url() + " refused GET /schemas/ids/99 with HTTP 404, "
            + "error_code 40403: Schema 99 not found");
    assertThatThrownBy(() -> client.getLatest("nobody-value"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
  }

  @Test
  void unreachableRegistryIsASerializationExceptionNamingTheRegistry() {
    SchemaRegistryServer gone = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory());
    String goneUrl = gone.url();
    gone.close();
    AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, goneUrl), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, Fixtures.rawArticle()))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Could not register io.newsflow.avro.RawArticle under subject news.raw-value "
            + "for topic news.raw in registry " + goneUrl + ": Schema Registry unreachable for POST "
            + "/subjects/news.raw-value/versions: " + goneUrl);
  }

  @Test
  void severalUrlsFailOverToOneThatAnswers() {
    SchemaRegistryServer gone = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory());
    String goneUrl = gone.url();
    gone.close();
    SchemaRegistryClient client = SchemaRegistryClients.create(
        Map.of(SchemaRegistryClients.SCHEMA_REGISTRY_URL, List.of(goneUrl, server.url())));

    assertThat(client.register("news.raw-value", RawArticle.getClassSchema())).isEqualTo(1);
    assertThat(client.url()).isEqualTo(goneUrl + "," + server.url());
  }

  @Test
  void clientCoversTheRegistryApi() {
    SchemaRegistryClient client = SchemaRegistryClients.create(server.url(), Map.of());
    Schema article = Article.getClassSchema();

    int rawId = client.register("news.raw-value", RawArticle.getClassSchema());
    int articleId = client.register("news.articles-value", article);

    assertThat(rawId).isEqualTo(1);
    assertThat(articleId).isEqualTo(2);
    assertThat(client.lookup("news.articles-value", article))
        .isEqualTo(new RegisteredSchema("news.articles-value", 1, 2, article));
    assertThat(client.getVersion("news.raw-value", 1).schema()).isEqualTo(RawArticle.getClassSchema());
    assertThat(client.subjects()).containsExactly("news.articles-value", "news.raw-value");
    assertThat(client.versions("news.raw-value")).containsExactly(1);
    assertThat(client.isCompatible("news.raw-value", article)).isFalse();
    assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
    client.setCompatibility("news.raw-value", "NONE");
    assertThat(client.getCompatibility("news.raw-value")).isEqualTo("NONE");
    assertThat(client.getCompatibility("news.articles-value")).isEqualTo("BACKWARD");
    assertThat(client.isCompatible("news.raw-value", article)).isTrue();
    assertThat(client.deleteSubject("news.raw-value")).containsExactly(1);
    assertThat(client.subjects()).containsExactly("news.articles-value");
    assertThat(client.getById(1)).isEqualTo(RawArticle.getClassSchema());
  }
}
