package io.newsflow.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON records of the schemas topic, shaped like Confluent's: a SCHEMA key
 * {"keytype":"SCHEMA","subject":..,"version":..,"magic":1} with value {"subject","version","id","schema","deleted"},
 * and a CONFIG key {"keytype":"CONFIG","subject":..|null,"magic":0} with value {"compatibilityLevel":..}. Keys are
 * written with a fixed field order so that compaction sees the same bytes for the same key.
 */
final class StoreRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreRecords() {
  }

  static String schemaKey(String subject, int version) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "SCHEMA");
    key.put("subject", subject);
    key.put("version", version);
    key.put("magic", 1);
    return key.toString();
  }

  static String schemaValue(SchemaEntry entry) {
    ObjectNode value = JSON.createObjectNode();
    value.put("subject", entry.subject());
    value.put("version", entry.version());
    value.put("id", entry.id());
    value.put("schema", entry.schema());
    value.put("deleted", entry.deleted());
    return value.toString();
  }

  static String configKey(String subject) {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", "CONFIG");
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    key.put("magic", 0);
    return key.toString();
  }

  static String configValue(CompatibilityLevel level) {
    ObjectNode value = JSON.createObjectNode();
    value.put("compatibilityLevel", level.name());
    return value.toString();
  }

  /**
   * Replays one record of the topic into {@code store}; a null value (tombstone) removes what the key names.
   * Key types this registry does not write (NOOP, MODE, DELETE_SUBJECT ...) are skipped.
   */
  static void apply(String keyText, String valueText, SchemaStore store) {
    JsonNode key = parse(keyText);
    JsonNode value = valueText == null ? null : parse(valueText);
    String subject = key.path("subject").isNull() ? null : key.path("subject").asText(null);
    switch (key.path("keytype").asText()) {
      case "SCHEMA" -> {
        if (value == null) {
          store.remove(subject, key.path("version").asInt());
        } else {
          store.put(new SchemaEntry(value.path("subject").asText(), value.path("version").asInt(),
              value.path("id").asInt(), value.path("schema").asText(), value.path("deleted").asBoolean(false)));
        }
      }
      case "CONFIG" -> store.putConfig(subject,
          value == null ? null : CompatibilityLevel.parse(value.path("compatibilityLevel").asText()));
      default -> {
        // Not ours to interpret.
      }
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable record in the schemas topic: " + text, e);
    }
  }
}
