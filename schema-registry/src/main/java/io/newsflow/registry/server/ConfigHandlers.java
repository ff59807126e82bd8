package io.newsflow.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.registry.client.SchemaRegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The /config and /compatibility endpoints: compatibility levels and "would this schema be accepted?". */
final class ConfigHandlers {

  private final SchemaRegistryService service;

  ConfigHandlers(SchemaRegistryService service) {
    this.service = service;
  }

  Response globalConfig(Request request) {
    return level(service.globalCompatibility());
  }

  Response putGlobalConfig(Request request) {
    CompatibilityLevel level = parseLevel(request);
    service.setCompatibility(null, level);
    return Response.ok(Map.of("compatibility", level.name()));
  }

  Response subjectConfig(Request request) {
    String subject = request.param(0);
    CompatibilityLevel level = service.subjectCompatibility(subject).orElse(null);
    if (level == null) {
      if (!request.flag("defaultToGlobal")) {
        throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
            "Subject '" + subject + "' does not have subject-level compatibility configured");
      }
      level = service.globalCompatibility();
    }
    return level(level);
  }

  Response putSubjectConfig(Request request) {
    CompatibilityLevel level = parseLevel(request);
    service.setCompatibility(request.param(0), level);
    return Response.ok(Map.of("compatibility", level.name()));
  }

  Response deleteSubjectConfig(Request request) {
    return level(service.deleteCompatibility(request.param(0)));
  }

  Response testCompatibility(Request request) {
    JsonNode body = request.json();
    List<String> problems = service.compatibilityProblems(request.param(0), request.param(1),
        request.text(body, "schema"), request.text(body, "schemaType"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("is_compatible", problems.isEmpty());
    if (request.flag("verbose")) {
      answer.put("messages", problems);
    }
    return Response.ok(answer);
  }

  Response mode(Request request) {
    // Always read-write: this registry has no import mode and no leader to defer to.
    return Response.ok(Map.of("mode", "READWRITE"));
  }

  private static CompatibilityLevel parseLevel(Request request) {
    return CompatibilityLevel.parse(request.text(request.json(), "compatibility"));
  }

  private static Response level(CompatibilityLevel level) {
    return Response.ok(Map.of("compatibilityLevel", level.name()));
  }
}
