package io.newsflow.streams.api;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * openapi.yaml as the tests hold the server to it: the routes it documents, and for each documented answer its
 * media type and schema. Every object schema that lists its properties is closed here ({@code
 * unevaluatedProperties: false}; the published document leaves them open so that a new field does not break
 * clients), so a field the server sends and the document does not name fails as a missing one does.
 *
 * @param yaml the document as the jar holds it
 * @param document the same, parsed
 * @param schemas the validator over the closed copy
 */
record OpenApiContract(String yaml, JsonNode document, SchemaRegistry schemas) {

  /** Where the validator files the document; never fetched. */
  private static final String IRI = "https://newsflow.invalid/openapi.yaml";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  static OpenApiContract load() {
    String yaml = resource();
    JsonNode document = new YAMLMapper().readTree(yaml);
    ObjectNode strict = (ObjectNode) document.deepCopy();
    close(strict);
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), registry -> registry
        .schemas(Map.of(IRI, JsonMapper.builder().build().writeValueAsString(strict)))
        .schemaRegistryConfig(config));
    return new OpenApiContract(yaml, document, schemas);
  }

  /** What swagger-parser finds wrong with the document (not OpenAPI, a $ref that does not resolve); empty if none. */
  List<String> parserMessages() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(yaml, null, options).getMessages();
  }

  /** Every documented operation; open when it overrides the global security with none. */
  Set<ApiServer.Route> routes() {
    Set<ApiServer.Route> routes = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          JsonNode security = operation.getValue().path("security");
          routes.add(new ApiServer.Route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
              security.isArray() && security.isEmpty()));
        }
      }
    }
    return routes;
  }

  /** What is wrong with {@code response} as the answer of {@code method pathTemplate}; empty when it conforms. */
  List<String> violations(String method, String pathTemplate, HttpResponse<String> response) {
    return violations(method, pathTemplate, response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  /**
   * What is wrong with an answer of {@code method pathTemplate} (the path as the document writes it): an
   * undocumented operation, status or media type, or a body its schema refuses. Empty when it conforms.
   */
  List<String> violations(String method, String pathTemplate, int status, String contentType, String body) {
    String answer = method + " " + pathTemplate + " " + status;
    String operation = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT);
    if (document.at(operation).isMissingNode()) {
      return List.of(method + " " + pathTemplate + " is not documented");
    }
    String response = operation + "/responses/" + status;
    JsonNode documented = document.at(response);
    if (documented.isMissingNode()) {
      return List.of(answer + " is not a documented status: " + body);
    }
    if (documented.has("$ref")) {
      response = documented.get("$ref").asString().substring(1);
    }
    String mediaType = contentType.split(";")[0].trim();
    String content = response + "/content/" + escape(mediaType);
    if (document.at(content).isMissingNode()) {
      return List.of(answer + " as " + mediaType + " is not documented");
    }
    if (!mediaType.equals("application/json")) {
      return List.of();
    }
    List<Error> errors = schemas.getSchema(SchemaLocation.of(IRI + "#" + content + "/schema"))
        .validate(body, InputFormat.JSON);
    return errors.stream().map(e -> answer + ": " + e + " in " + body).toList();
  }

  /** Closes every object schema that lists its properties and says nothing about others. */
  private static void close(JsonNode node) {
    if (node instanceof ObjectNode object && object.path("properties").isObject()
        && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
      object.put("unevaluatedProperties", false);
    }
    for (JsonNode child : node) {
      close(child);
    }
  }

  /** A JSON pointer's reference token (RFC 6901). */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String resource() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
