package io.newsflow.registry.server;

import io.newsflow.registry.client.SchemaRegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The /schemas endpoints: a schema by its global id, and where that id is used. */
final class SchemaHandlers {

  private final SchemaRegistryService service;

  SchemaHandlers(SchemaRegistryService service) {
    this.service = service;
  }

  Response byId(Request request) {
    return Response.ok(Map.of("schema", service.schemaById(id(request))));
  }

  Response versionsOfId(Request request) {
    List<Map<String, Object>> pairs = service.versionsOfId(id(request)).stream()
        .map(entry -> {
          Map<String, Object> pair = new LinkedHashMap<>();
          pair.put("subject", entry.subject());
          pair.put("version", entry.version());
          return pair;
        })
        .toList();
    return Response.ok(pairs);
  }

  Response subjectsOfId(Request request) {
    return Response.ok(service.versionsOfId(id(request)).stream().map(SchemaEntry::subject).distinct().toList());
  }

  Response types(Request request) {
    return Response.ok(List.of("AVRO"));
  }

  private static int id(Request request) {
    try {
      return Integer.parseInt(request.param(0));
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(SchemaRegistryException.NOT_FOUND, "HTTP 404 Not Found");
    }
  }
}
