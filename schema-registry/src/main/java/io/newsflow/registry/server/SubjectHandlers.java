package io.newsflow.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.registry.client.SchemaRegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The /subjects endpoints: register, look up, list, read and delete versions. */
final class SubjectHandlers {

  private final SchemaRegistryService service;

  SubjectHandlers(SchemaRegistryService service) {
    this.service = service;
  }

  Response subjects(Request request) {
    return Response.ok(service.subjects());
  }

  Response register(Request request) {
    JsonNode body = request.json();
    requireNoReferences(request, body);
    int id = service.register(request.param(0), request.text(body, "schema"), request.text(body, "schemaType"));
    return Response.ok(Map.of("id", id));
  }

  Response lookup(Request request) {
    JsonNode body = request.json();
    requireNoReferences(request, body);
    return Response.ok(describe(service.lookup(request.param(0), request.text(body, "schema"),
        request.text(body, "schemaType"))));
  }

  Response versions(Request request) {
    return Response.ok(service.versions(request.param(0)));
  }

  Response version(Request request) {
    return Response.ok(describe(service.version(request.param(0), request.param(1))));
  }

  Response versionSchema(Request request) {
    return Response.raw(service.version(request.param(0), request.param(1)).schema());
  }

  Response referencedBy(Request request) {
    service.version(request.param(0), request.param(1));
    // Avro schemas here never reference other subjects, so nothing refers to any version.
    return Response.ok(List.of());
  }

  Response deleteSubject(Request request) {
    return Response.ok(service.deleteSubject(request.param(0), request.flag("permanent")));
  }

  Response deleteVersion(Request request) {
    return Response.ok(service.deleteVersion(request.param(0), request.param(1)));
  }

  /** A version as Confluent writes it: subject, version, id, schema, in that order. */
  static Map<String, Object> describe(SchemaEntry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", entry.subject());
    body.put("version", entry.version());
    body.put("id", entry.id());
    body.put("schema", entry.schema());
    return body;
  }

  private static void requireNoReferences(Request request, JsonNode body) {
    JsonNode references = body.get("references");
    if (references != null && references.isArray() && !references.isEmpty()) {
      throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: schema references are not supported by this registry (subject "
              + request.param(0) + ")");
    }
  }
}
