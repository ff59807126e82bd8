package io.newsflow.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.newsflow.avro.RawArticle;
import io.newsflow.registry.testing.RestCalls.Answer;
import io.newsflow.registry.testing.RestCalls;
import java.net.BindException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint and error code of the embedded registry over real HTTP, with an in-memory store. */
class SchemaRegistryServerTest {

  private static final String V1 = record("{\"name\":\"a\",\"type\":\"string\"}");
  private static final String V1_SPACED = """
      { "type" : "record", "name" : "Item", "namespace" : "test",
        "fields" : [ { "name" : "a", "type" : "string" } ] }""";
  private static final String WITH_B_DEFAULT =
      record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
  private static final String WITH_B_REQUIRED =
      record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}");
  private static final String EMPTY = record("");

  private SchemaRegistryServer server;
  private RestCalls rest;

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.start(SchemaRegistryServer.Config.inMemory());
    rest = new RestCalls(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void rootAnswersAnEmptyObjectWithTheRegistryMediaType() {
    Answer answer = rest.get("/");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("{}");
    assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(server.url()).isEqualTo("http://localhost:" + server.port());
  }

  @Test
  void registeringReturnsIdsFromOneAndReRegisteringTheSameSchemaReturnsTheSameId() {
    assertThat(rest.postSchema("/subjects/items-value/versions", V1).text()).isEqualTo("{\"id\":1}");
    assertThat(rest.postSchema("/subjects/items-value/versions", V1_SPACED).text()).isEqualTo("{\"id\":1}");
    assertThat(rest.postSchema("/subjects/items-value/versions", WITH_B_DEFAULT).text()).isEqualTo("{\"id\":2}");

    assertThat(rest.get("/subjects/items-value/versions").text()).isEqualTo("[1,2]");
  }

  @Test
  void schemaTypeAvroIsAcceptedAndOtherTypesAreRefused() {
    String avro = "{\"schema\":" + quote(V1) + ",\"schemaType\":\"AVRO\"}";
    String protobuf = "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}";

    assertThat(rest.post("/subjects/items-value/versions", avro).text()).isEqualTo("{\"id\":1}");
    assertError(rest.post("/subjects/items-value/versions", protobuf), 422, 42201);
  }

  @Test
  void theSameSchemaUnderTwoSubjectsHasOneId() {
    rest.postSchema("/subjects/first/versions", EMPTY);
    Answer first = rest.postSchema("/subjects/a-value/versions", V1);
    Answer second = rest.postSchema("/subjects/b-value/versions", V1_SPACED);

    assertThat(first.json().get("id").asInt()).isEqualTo(2);
    assertThat(second.json().get("id").asInt()).isEqualTo(2);
    assertThat(rest.get("/schemas/ids/2/versions").text())
        .isEqualTo("[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
    assertThat(rest.get("/schemas/ids/2/subjects").text()).isEqualTo("[\"a-value\",\"b-value\"]");
  }

  @Test
  void schemaByIdReturnsTheCanonicalText() {
    rest.postSchema("/subjects/items-value/versions", V1_SPACED);

    Answer answer = rest.get("/schemas/ids/1");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("schema").asText()).isEqualTo(new Schema.Parser().parse(V1_SPACED).toString());
    assertThat(answer.json().get("schema").asText())
        .isEqualTo("{\"type\":\"record\",\"name\":\"Item\",\"namespace\":\"test\",\"fields\":"
            + "[{\"name\":\"a\",\"type\":\"string\"}]}");
  }

  @Test
  void generatedSchemaIsStoredExactlyAsAvroPrintsIt() {
    rest.postSchema("/subjects/news.raw-value/versions", RestCalls.pretty(RawArticle.getClassSchema().toString()));

    assertThat(rest.get("/schemas/ids/1").json().get("schema").asText())
        .isEqualTo(RawArticle.getClassSchema().toString());
  }

  @Test
  void unknownSchemaIdIs40403() {
    assertError(rest.get("/schemas/ids/99"), 404, 40403);
    assertThat(rest.get("/schemas/ids/99").json().get("message").asText()).isEqualTo("Schema 99 not found");
    assertError(rest.get("/schemas/ids/99/versions"), 404, 40403);
  }

  @Test
  void lookupFindsTheVersionOrSaysWhatIsMissing() {
    rest.postSchema("/subjects/items-value/versions", V1);
    rest.postSchema("/subjects/items-value/versions", WITH_B_DEFAULT);

    Answer found = rest.postSchema("/subjects/items-value", V1_SPACED);

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.text()).isEqualTo("{\"subject\":\"items-value\",\"version\":1,\"id\":1,\"schema\":"
        + quote(new Schema.Parser().parse(V1).toString()) + "}");
    assertError(rest.postSchema("/subjects/items-value", EMPTY), 404, 40403);
    assertError(rest.postSchema("/subjects/nobody-value", V1), 404, 40401);
  }

  @Test
  void subjectsAndVersionsAreListed() {
    rest.postSchema("/subjects/b-value/versions", V1);
    rest.postSchema("/subjects/a-value/versions", V1);
    rest.postSchema("/subjects/a-value/versions", WITH_B_DEFAULT);

    assertThat(rest.get("/subjects").text()).isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(rest.get("/subjects/a-value/versions").text()).isEqualTo("[1,2]");
    assertError(rest.get("/subjects/c-value/versions"), 404, 40401);
  }

  @Test
  void aVersionIsReadByNumberOrLatest() {
    rest.postSchema("/subjects/items-value/versions", V1);
    rest.postSchema("/subjects/items-value/versions", WITH_B_DEFAULT);
    String canonical = new Schema.Parser().parse(WITH_B_DEFAULT).toString();

    assertThat(rest.get("/subjects/items-value/versions/latest").text())
        .isEqualTo("{\"subject\":\"items-value\",\"version\":2,\"id\":2,\"schema\":" + quote(canonical) + "}");
    assertThat(rest.get("/subjects/items-value/versions/1").json().get("id").asInt()).isEqualTo(1);
    assertThat(rest.get("/subjects/items-value/versions/2/schema").text()).isEqualTo(canonical);
    assertThat(rest.get("/subjects/items-value/versions/1/referencedby").text()).isEqualTo("[]");
    assertError(rest.get("/subjects/items-value/versions/3"), 404, 40402);
    assertError(rest.get("/subjects/items-value/versions/0"), 422, 42202);
    assertError(rest.get("/subjects/items-value/versions/first"), 422, 42202);
    assertError(rest.get("/subjects/other-value/versions/1"), 404, 40401);
  }

  @Test
  void deletingASubjectHidesItAndVersionNumbersKeepCounting() {
    rest.postSchema("/subjects/items-value/versions", V1);
    rest.postSchema("/subjects/items-value/versions", WITH_B_DEFAULT);

    assertThat(rest.delete("/subjects/items-value").text()).isEqualTo("[1,2]");
    assertError(rest.get("/subjects/items-value/versions"), 404, 40401);
    assertError(rest.delete("/subjects/items-value"), 404, 40401);
    assertThat(rest.get("/subjects").text()).isEqualTo("[]");
    assertThat(rest.get("/schemas/ids/1").status()).isEqualTo(200);

    assertThat(rest.postSchema("/subjects/items-value/versions", V1).text()).isEqualTo("{\"id\":1}");
    assertThat(rest.get("/subjects/items-value/versions").text()).isEqualTo("[3]");
  }

  @Test
  void permanentDeleteNeedsASoftDeleteFirstAndForgetsTheIds() {
    rest.postSchema("/subjects/items-value/versions", V1);

    assertError(rest.delete("/subjects/items-value?permanent=true"), 404, 40405);
    rest.delete("/subjects/items-value");
    assertThat(rest.delete("/subjects/items-value?permanent=true").text()).isEqualTo("[1]");
    assertError(rest.get("/schemas/ids/1"), 404, 40403);
    assertThat(rest.postSchema("/subjects/items-value/versions", V1).text()).isEqualTo("{\"id\":2}");
    assertThat(rest.get("/subjects/items-value/versions").text()).isEqualTo("[1]");
  }

  @Test
  void oneVersionCanBeDeleted() {
    rest.postSchema("/subjects/items-value/versions", V1);
    rest.postSchema("/subjects/items-value/versions", WITH_B_DEFAULT);

    assertThat(rest.delete("/subjects/items-value/versions/1").text()).isEqualTo("1");
    assertThat(rest.get("/subjects/items-value/versions").text()).isEqualTo("[2]");
    assertError(rest.get("/subjects/items-value/versions/1"), 404, 40402);
  }

  @Test
  void backwardRefusesANewFieldWithoutDefaultAndAcceptsOneWithDefault() {
    rest.postSchema("/subjects/items-value/versions", V1);

    Answer refused = rest.postSchema("/subjects/items-value/versions", WITH_B_REQUIRED);

    assertError(refused, 409, 409);
    assertThat(refused.json().get("message").asText())
        .startsWith("Schema being registered is incompatible with an earlier schema for subject \"items-value\"")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
    assertThat(rest.postSchema("/subjects/items-value/versions", WITH_B_DEFAULT).text()).isEqualTo("{\"id\":2}");
  }

  @Test
  void noneAcceptsAnything() {
    rest.put("/config/items-value", "{\"compatibility\":\"NONE\"}");
    rest.postSchema("/subjects/items-value/versions", V1);

    assertThat(rest.postSchema("/subjects/items-value/versions", WITH_B_REQUIRED).text()).isEqualTo("{\"id\":2}");
    assertThat(rest.postSchema("/subjects/items-value/versions", EMPTY).text()).isEqualTo("{\"id\":3}");
  }

  @Test
  void forwardLetsOldReadersReadNewData() {
    rest.put("/config/items-value", "{\"compatibility\":\"FORWARD\"}");
    rest.postSchema("/subjects/items-value/versions", V1);

    assertThat(rest.postSchema("/subjects/items-value/versions", WITH_B_REQUIRED).text()).isEqualTo("{\"id\":2}");
    assertError(rest.postSchema("/subjects/items-value/versions", EMPTY), 409, 409);
  }

  @Test
  void fullNeedsBothDirections() {
    rest.put("/config", "{\"compatibility\":\"FULL\"}");
    rest.postSchema("/subjects/items-value/versions", V1);

    assertError(rest.postSchema("/subjects/items-value/versions", WITH_B_REQUIRED), 409, 409);
    assertError(rest.postSchema("/subjects/items-value/versions", EMPTY), 409, 409);
    assertThat(rest.postSchema("/subjects/items-value/versions", WITH_B_DEFAULT).text()).isEqualTo("{\"id\":2}");
  }

  @Test
  void transitiveLevelsCheckEveryVersionNotOnlyTheLatest() {
    String aAsInt = record("{\"name\":\"a\",\"type\":\"int\",\"default\":0}");
    rest.postSchema("/subjects/plain-value/versions", V1);
    rest.postSchema("/subjects/plain-value/versions", EMPTY);
    rest.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    rest.postSchema("/subjects/transitive-value/versions", V1);
    rest.postSchema("/subjects/transitive-value/versions", EMPTY);

    assertThat(rest.postSchema("/subjects/plain-value/versions", aAsInt).status()).isEqualTo(200);
    assertError(rest.postSchema("/subjects/transitive-value/versions", aAsInt), 409, 409);
  }

  @Test
  void compatibilityEndpointAnswersWithoutRegistering() {
    rest.postSchema("/subjects/items-value/versions", V1);

    assertThat(rest.postSchema("/compatibility/subjects/items-value/versions/latest", WITH_B_DEFAULT).text())
        .isEqualTo("{\"is_compatible\":true}");
    assertThat(rest.postSchema("/compatibility/subjects/items-value/versions/1", WITH_B_REQUIRED).text())
        .isEqualTo("{\"is_compatible\":false}");
    Answer verbose = rest.postSchema("/compatibility/subjects/items-value/versions/latest?verbose=true",
        WITH_B_REQUIRED);
    assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.json().get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(rest.postSchema("/compatibility/subjects/new-value/versions/latest", V1).text())
        .isEqualTo("{\"is_compatible\":true}");
    assertError(rest.postSchema("/compatibility/subjects/items-value/versions/7", V1), 404, 40402);
    assertError(rest.postSchema("/compatibility/subjects/new-value/versions/1", V1), 404, 40401);
    assertThat(rest.get("/subjects/items-value/versions").text()).isEqualTo("[1]");
  }

  @Test
  void globalConfigDefaultsToBackwardAndCanBeChanged() {
    assertThat(rest.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

    assertThat(rest.put("/config", "{\"compatibility\":\"full\"}").text()).isEqualTo("{\"compatibility\":\"FULL\"}");

    assertThat(rest.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertError(rest.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertError(rest.put("/config", "{}"), 422, 42203);
  }

  @Test
  void subjectConfigOverridesTheGlobalOne() {
    assertError(rest.get("/config/items-value"), 404, 40408);
    assertThat(rest.get("/config/items-value?defaultToGlobal=true").text())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

    assertThat(rest.put("/config/items-value", "{\"compatibility\":\"NONE\"}").text())
        .isEqualTo("{\"compatibility\":\"NONE\"}");

    assertThat(rest.get("/config/items-value").text()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(rest.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(rest.delete("/config/items-value").text()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertError(rest.get("/config/items-value"), 404, 40408);
  }

  @Test
  void subjectNamesAreUrlDecoded() {
    assertThat(rest.postSchema("/subjects/news%20raw%2Fko%2B%ED%95%9C-value/versions", V1).status()).isEqualTo(200);

    assertThat(rest.get("/subjects").json().get(0).asText()).isEqualTo("news raw/ko+한-value");
    assertThat(rest.get("/subjects/news%20raw%2Fko%2B%ED%95%9C-value/versions/1").json().get("subject").asText())
        .isEqualTo("news raw/ko+한-value");
  }

  @Test
  void malformedJsonIs400AndTheServerKeepsServing() {
    Answer bad = rest.post("/subjects/items-value/versions", "{\"schema\": ");

    assertError(bad, 400, 400);
    assertThat(bad.json().get("message").asText()).startsWith("Malformed JSON in request body");
    assertThat(rest.postSchema("/subjects/items-value/versions", V1).text()).isEqualTo("{\"id\":1}");
  }

  @Test
  void invalidSchemaIs42201AndTheServerKeepsServing() {
    assertError(rest.postSchema("/subjects/items-value/versions", "{\"type\":\"recrod\"}"), 422, 42201);
    assertError(rest.postSchema("/subjects/items-value/versions", ""), 422, 42201);
    assertError(rest.post("/subjects/items-value/versions", "{}"), 422, 42201);
    assertError(rest.postSchema("/subjects/items-value/versions",
        record("{\"name\":\"a\",\"type\":\"int\",\"default\":\"text\"}")), 422, 42201);

    assertThat(rest.postSchema("/subjects/items-value/versions", V1).text()).isEqualTo("{\"id\":1}");
  }

  @Test
  void oversizedBodyIs413AndTheServerKeepsServing() {
    String huge = "{\"schema\":\"" + "x".repeat(SchemaRegistryServer.MAX_REQUEST_BYTES) + "\"}";

    Answer answer = rest.post("/subjects/items-value/versions", huge);

    assertError(answer, 413, 413);
    assertThat(answer.json().get("message").asText()).contains("exceeds the limit of 1048576 bytes");
    assertThat(rest.postSchema("/subjects/items-value/versions", V1).text()).isEqualTo("{\"id\":1}");
  }

  @Test
  void mediaTypesOfConfluentAndPlainJsonAreAcceptedAndOthersAre415() {
    String body = "{\"schema\":" + quote(V1) + "}";

    assertThat(rest.send("POST", "/subjects/a-value/versions", body, "application/json").status()).isEqualTo(200);
    assertThat(rest.send("POST", "/subjects/b-value/versions", body, null).status()).isEqualTo(200);
    assertThat(rest.send("POST", "/subjects/c-value/versions", body,
        "application/vnd.schemaregistry.v1+json; charset=UTF-8").status()).isEqualTo(200);
    assertError(rest.send("POST", "/subjects/d-value/versions", body, "text/plain"), 415, 415);
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    assertError(rest.get("/nothing/here"), 404, 404);
    assertError(rest.send("PATCH", "/subjects", null, null), 405, 405);
  }

  @Test
  void typesAndModeAnswerLikeConfluent() {
    assertThat(rest.get("/schemas/types").text()).isEqualTo("[\"AVRO\"]");
    assertThat(rest.get("/mode").text()).isEqualTo("{\"mode\":\"READWRITE\"}");
  }

  @Test
  void aTakenPortIsReportedInOneLine() {
    SchemaRegistryServer.Config samePort = new SchemaRegistryServer.Config("localhost", server.port(), null, null);

    assertThatThrownBy(() -> SchemaRegistryServer.start(samePort))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("port " + server.port() + " is already in use (Schema Registry)")
        .hasCauseInstanceOf(BindException.class);
  }

  private static void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as("HTTP status of %s", answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(answer.json().get("error_code").asInt()).as("error_code of %s", answer.text()).isEqualTo(errorCode);
    assertThat(answer.json().get("message").asText()).isNotBlank();
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Item\",\"namespace\":\"test\",\"fields\":[" + fields + "]}";
  }

  private static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }
}
