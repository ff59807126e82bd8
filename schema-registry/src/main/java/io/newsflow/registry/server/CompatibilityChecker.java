package io.newsflow.registry.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Judges a candidate schema against earlier versions of a subject with Avro's own {@link SchemaCompatibility}, the
 * same reader/writer rules Confluent applies, and explains each failure in Confluent's message style.
 */
final class CompatibilityChecker {

  /** An earlier version of the subject. */
  record Previous(int version, Schema schema) {
  }

  private CompatibilityChecker() {
  }

  /**
   * The reasons {@code candidate} is incompatible with {@code previous} (oldest first) under {@code level}; empty
   * when compatible. Non-transitive levels look only at the last of {@code previous}.
   */
  static List<String> check(CompatibilityLevel level, Schema candidate, List<Previous> previous) {
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return List.of();
    }
    List<Previous> relevant = level.transitive() ? previous : previous.subList(previous.size() - 1, previous.size());
    List<String> messages = new ArrayList<>();
    for (int i = relevant.size() - 1; i >= 0; i--) {
      Previous old = relevant.get(i);
      List<String> found = new ArrayList<>();
      if (level.newReadsOld()) {
        found.addAll(problems(candidate, old.schema()));
      }
      if (level.oldReadsNew()) {
        found.addAll(problems(old.schema(), candidate));
      }
      if (!found.isEmpty()) {
        messages.addAll(found);
        messages.add("{oldSchemaVersion: " + old.version() + "}");
        messages.add("{oldSchema: '" + old.schema() + "'}");
        messages.add("{compatibility: '" + level.name() + "'}");
      }
    }
    return messages;
  }

  private static List<String> problems(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility pair =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
      problems.add("{errorType:'" + incompatibility.getType() + "', description:'" + incompatibility.getMessage()
          + " at path '" + incompatibility.getLocation() + "'', readerSchema: '" + reader.getFullName()
          + "', writerSchema: '" + writer.getFullName() + "'}");
    }
    return problems;
  }
}
