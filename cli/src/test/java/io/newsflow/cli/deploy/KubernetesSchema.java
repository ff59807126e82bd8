package io.newsflow.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes API's JSON schema, made strict, for validating manifests offline: what kubeconform -strict
 * does, with a schema from Maven Central (kubeconform's come from GitHub). The schema is the one fabric8's
 * kubernetes-model-apps jar carries (apps/v1 with the core and meta types it uses). Three things are changed,
 * as openapi2jsonschema --strict does for kubeconform: every object type with known properties refuses others
 * (so {@code contaners:} fails), and the two types fabric8 describes as Java objects instead of their wire
 * form, IntOrString and Quantity, become what the API accepts. fabric8's own keywords (javaType, ...) go.
 * apiVersion and kind are checked by {@link #problems}: a manifest's must name a kind the schema has.
 */
final class KubernetesSchema {

  private static final String RESOURCE = "schema/validation-schema.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Kubernetes' quantity syntax (resource.Quantity), e.g. 1Gi, 500m, 0.5. */
  private static final String QUANTITY = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$";

  private final ObjectNode definitions;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private KubernetesSchema(ObjectNode definitions) {
    this.definitions = definitions;
  }

  static KubernetesSchema load() throws IOException {
    URL url = KubernetesSchema.class.getClassLoader().getResource(RESOURCE);
    if (url == null || !url.toString().contains("kubernetes-model-apps")) {
      throw new IOException(RESOURCE + " not found in kubernetes-model-apps on the test classpath: " + url);
    }
    try (InputStream in = url.openStream()) {
      ObjectNode definitions = (ObjectNode) MAPPER.readTree(in).get("definitions");
      definitions.forEach(KubernetesSchema::strict);
      definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString", anyOf(
          MAPPER.createObjectNode().put("type", "integer"), MAPPER.createObjectNode().put("type", "string")));
      definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", anyOf(
          MAPPER.createObjectNode().put("type", "string").put("pattern", QUANTITY),
          MAPPER.createObjectNode().put("type", "number")));
      return new KubernetesSchema(definitions);
    }
  }

  /**
   * What is wrong with one manifest, empty when nothing: a kind this schema does not know, an apiVersion that is
   * not the kind's, or whatever the kind's schema rejects.
   */
  List<String> problems(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kind = manifest.path("kind").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "core";
    String name = "kubernetes_" + group + "_" + kind;
    JsonNode definition = definitions.get(name);
    if (definition == null) {
      return List.of("no schema for apiVersion " + apiVersion + " kind " + kind);
    }
    String expected = definition.path("properties").path("apiVersion").path("default").asText();
    if (!expected.equals(apiVersion)) {
      return List.of(kind + " is " + expected + ", not " + apiVersion);
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.set("definitions", definitions);
    root.putArray("allOf").addObject().put("$ref", "#/definitions/" + name);
    // As text: the validator works on Jackson 3 trees, the rest of the build on Jackson 2.
    Schema schema = registry.getSchema(root.toString(), InputFormat.JSON);
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(manifest.toString(), InputFormat.JSON)) {
      problems.add(error.toString());
    }
    return problems;
  }

  private static void strict(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      if (node instanceof ArrayNode array) {
        array.forEach(KubernetesSchema::strict);
      }
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (key.startsWith("java") || key.equals("existingJavaType")) {
        fields.remove();
      }
    }
    JsonNode properties = object.get("properties");
    if (properties instanceof ObjectNode props) {
      props.forEach(property -> {
        // fabric8 marks apiVersion and kind with draft 3's "required": true, which would also require them of
        // objects inside others (a StatefulSet's volumeClaimTemplates); problems() checks them at the top.
        if (property instanceof ObjectNode p && p.path("required").isBoolean()) {
          p.remove("required");
        }
        strict(property);
      });
      object.put("additionalProperties", false);
    }
    object.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("properties")) {
        strict(field.getValue());
      }
    });
  }

  private static ObjectNode anyOf(JsonNode... choices) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode any = node.putArray("anyOf");
    for (JsonNode choice : choices) {
      any.add(choice);
    }
    return node;
  }
}
