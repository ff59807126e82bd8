package io.newsflow.registry.client;

import java.util.Objects;
import org.apache.avro.Schema;

/** One version of a subject as a registry reports it: where it sits (subject, version), its global id and the schema. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
