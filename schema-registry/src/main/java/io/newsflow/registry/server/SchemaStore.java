package io.newsflow.registry.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where the registry keeps its state: every version of every subject (including soft-deleted ones) and the
 * compatibility configuration. Writes return only once they are durable for the store in question.
 */
interface SchemaStore extends AutoCloseable {

  /** Inserts or replaces the version {@code entry.version()} of {@code entry.subject()}. */
  void put(SchemaEntry entry);

  /** Forgets one version for good (a permanent delete). */
  void remove(String subject, int version);

  /** Sets the level of {@code subject} (global when null); a null {@code level} removes a subject's setting. */
  void putConfig(String subject, CompatibilityLevel level);

  /** Every version of {@code subject}, soft-deleted ones included, ascending. */
  List<SchemaEntry> entries(String subject);

  /** Every version, of any subject, that carries schema id {@code id}. */
  List<SchemaEntry> entriesWithId(int id);

  /** The schema text with id {@code id}. */
  Optional<String> schemaById(int id);

  /** The id already given to this exact canonical schema text, under any subject. */
  OptionalInt idOf(String canonicalSchema);

  /** The highest id ever handed out (0 for an empty store). */
  int maxId();

  /** Every subject that has versions, soft-deleted ones included. */
  Set<String> subjects();

  /** The level configured for {@code subject} (the global one when null), if any. */
  Optional<CompatibilityLevel> config(String subject);

  @Override
  void close();
}
