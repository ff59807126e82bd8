package io.newsflow.registry.server;

import java.util.Objects;

/**
 * One registered version as the registry stores it: the schema text is Avro's canonical {@code Schema.toString()},
 * which is also what Confluent stores and returns. Soft-deleted versions stay (deleted = true) so that version
 * numbers keep counting up and ids stay stable, as in Confluent.
 */
public record SchemaEntry(String subject, int version, int id, String schema, boolean deleted) {

  public SchemaEntry {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }

  SchemaEntry markDeleted() {
    return new SchemaEntry(subject, version, id, schema, true);
  }
}
