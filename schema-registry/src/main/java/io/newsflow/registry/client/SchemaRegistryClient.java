package io.newsflow.registry.client;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that newsflow's serdes and tools need. Implementations cache what
 * never changes in a registry (id to schema, subject and schema to id), so steady-state serde calls are local.
 * Every method reports a refusal as a {@link SchemaRegistryException} with Confluent's error_code.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** The registry this client talks to, for messages ("http://localhost:8081", "mock://tests"). */
  String url();

  /** Registers {@code schema} under {@code subject} (or finds it there already) and returns its global id. */
  int register(String subject, Schema schema);

  /** The schema with global id {@code id}; error_code 40403 when there is none. */
  Schema getById(int id);

  /** The id and version of {@code schema} under {@code subject} without registering it (40401 / 40403 if absent). */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The latest live version of {@code subject} (40401 if the subject has none). */
  RegisteredSchema getLatest(String subject);

  /** One version of {@code subject} (40401 / 40402 if absent). */
  RegisteredSchema getVersion(String subject, int version);

  /** Subjects with at least one live version. */
  List<String> subjects();

  /** Live versions of {@code subject}, ascending. */
  List<Integer> versions(String subject);

  /** Soft-deletes every version of {@code subject}, returning the versions deleted. */
  List<Integer> deleteSubject(String subject);

  /** Whether {@code schema} may be registered as the next version of {@code subject} under its compatibility level. */
  boolean isCompatible(String subject, Schema schema);

  /** The compatibility level of {@code subject} (falling back to the global one), or the global level if null. */
  String getCompatibility(String subject);

  /** Sets the compatibility level of {@code subject}, or the global level if {@code subject} is null. */
  void setCompatibility(String subject, String level);

  /** Releases what the client holds; it does not change the registry. */
  @Override
  default void close() {
  }
}
