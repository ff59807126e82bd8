package io.newsflow.registry.server;

import io.newsflow.registry.client.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules, independent of HTTP: ids, versions, soft deletes, compatibility checks and configuration,
 * with Confluent's semantics and error codes. Shared by {@link SchemaRegistryServer} and the mock:// client.
 * Every method is synchronized: one writer keeps "next id" and "next version" trivially correct.
 */
public final class SchemaRegistryService {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryService.class);
  private static final String LATEST = "latest";

  private final SchemaStore store;

  SchemaRegistryService(SchemaStore store) {
    this.store = store;
  }

  /** A service over a fresh in-memory store (what a mock:// scope holds). */
  public static SchemaRegistryService inMemory() {
    return new SchemaRegistryService(new InMemorySchemaStore());
  }

  /**
   * Registers {@code schemaText} under {@code subject}, returning its id. The identical schema (same canonical
   * text) already live under the subject returns its id without a new version; the same schema under another
   * subject gets the id it already has there.
   */
  public synchronized int register(String subject, String schemaText, String schemaType) {
    requireAvro(schemaType);
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    List<SchemaEntry> all = store.entries(subject);
    for (SchemaEntry entry : all) {
      if (!entry.deleted() && entry.schema().equals(canonical)) {
        return entry.id();
      }
    }
    CompatibilityLevel level = effectiveCompatibility(subject);
    List<String> problems = CompatibilityChecker.check(level, schema, previous(live(all)));
    if (!problems.isEmpty()) {
      throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject \"" + subject
              + "\", details: " + problems);
    }
    OptionalInt existing = store.idOf(canonical);
    int id = existing.isPresent() ? existing.getAsInt() : store.maxId() + 1;
    int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
    store.put(new SchemaEntry(subject, version, id, canonical, false));
    LOG.info("schema registered subject={} version={} id={} compatibility={}", subject, version, id, level);
    return id;
  }

  /** The live version of {@code subject} holding {@code schemaText}: 40401 without the subject, 40403 without it. */
  public synchronized SchemaEntry lookup(String subject, String schemaText, String schemaType) {
    requireAvro(schemaType);
    Schema schema = parse(schemaText);
    List<SchemaEntry> live = requireSubject(subject);
    String canonical = schema.toString();
    for (SchemaEntry entry : live) {
      if (entry.schema().equals(canonical)) {
        return entry;
      }
    }
    // A schema that differs from a stored one only in what Avro's equality ignores (doc, aliases) is the same.
    for (SchemaEntry entry : live) {
      if (new Schema.Parser().parse(entry.schema()).equals(schema)) {
        return entry;
      }
    }
    throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
  }

  /** The schema text with id {@code id}, or 40403. */
  public synchronized String schemaById(int id) {
    return store.schemaById(id).orElseThrow(() -> schemaNotFound(id));
  }

  /** The live (subject, version) pairs that carry id {@code id}, or 40403 if the id is unknown. */
  public synchronized List<SchemaEntry> versionsOfId(int id) {
    if (store.schemaById(id).isEmpty()) {
      throw schemaNotFound(id);
    }
    return live(store.entriesWithId(id));
  }

  /** Subjects with at least one live version, sorted. */
  public synchronized List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    for (String subject : store.subjects()) {
      if (!live(store.entries(subject)).isEmpty()) {
        subjects.add(subject);
      }
    }
    return subjects;
  }

  /** Live versions of {@code subject}, ascending, or 40401. */
  public synchronized List<Integer> versions(String subject) {
    return requireSubject(subject).stream().map(SchemaEntry::version).toList();
  }

  /** One live version by number or "latest": 42202 for a malformed spec, 40401 / 40402 when absent. */
  public synchronized SchemaEntry version(String subject, String versionSpec) {
    int wanted = parseVersion(versionSpec);
    List<SchemaEntry> live = requireSubject(subject);
    return find(live, wanted).orElseThrow(() -> versionNotFound(versionSpec));
  }

  /**
   * Deletes {@code subject}: soft (versions marked deleted, and the subject's own compatibility setting dropped, as
   * in Confluent), or permanent, which Confluent allows only after a soft delete (40405 otherwise).
   */
  public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
    List<SchemaEntry> all = store.entries(subject);
    List<SchemaEntry> live = live(all);
    if (all.isEmpty() || (!permanent && live.isEmpty())) {
      throw subjectNotFound(subject);
    }
    if (permanent) {
      if (!live.isEmpty()) {
        throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_SOFT_DELETED,
            "Subject '" + subject + "' was not deleted first before being permanently deleted");
      }
      all.forEach(entry -> store.remove(subject, entry.version()));
      LOG.info("subject deleted subject={} permanent=true versions={}", subject, all.size());
      return all.stream().map(SchemaEntry::version).toList();
    }
    live.forEach(entry -> store.put(entry.markDeleted()));
    if (store.config(subject).isPresent()) {
      store.putConfig(subject, null);
    }
    LOG.info("subject deleted subject={} permanent=false versions={}", subject, live.size());
    return live.stream().map(SchemaEntry::version).toList();
  }

  /** Soft-deletes one version of {@code subject}, returning its number. */
  public synchronized int deleteVersion(String subject, String versionSpec) {
    SchemaEntry entry = version(subject, versionSpec);
    store.put(entry.markDeleted());
    LOG.info("version deleted subject={} version={}", subject, entry.version());
    return entry.version();
  }

  /**
   * Why {@code schemaText} could not follow version {@code versionSpec} of {@code subject} under the subject's level
   * (empty when it could). "latest" checks every live version when the level is transitive; a subject without
   * versions accepts anything.
   */
  public synchronized List<String> compatibilityProblems(String subject, String versionSpec, String schemaText,
      String schemaType) {
    requireAvro(schemaType);
    int wanted = parseVersion(versionSpec);
    Schema schema = parse(schemaText);
    List<SchemaEntry> live = live(store.entries(subject));
    List<SchemaEntry> against;
    if (wanted < 0) {
      against = live;
    } else {
      if (live.isEmpty()) {
        throw subjectNotFound(subject);
      }
      against = List.of(find(live, wanted).orElseThrow(() -> versionNotFound(versionSpec)));
    }
    return CompatibilityChecker.check(effectiveCompatibility(subject), schema, previous(against));
  }

  public synchronized CompatibilityLevel globalCompatibility() {
    return store.config(null).orElse(CompatibilityLevel.DEFAULT);
  }

  public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return store.config(subject);
  }

  /** The subject's own level, else the global one. */
  public synchronized CompatibilityLevel effectiveCompatibility(String subject) {
    return store.config(subject).orElseGet(this::globalCompatibility);
  }

  /** Sets the level of {@code subject}, or the global level when {@code subject} is null. */
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    store.putConfig(subject, level);
    LOG.info("compatibility set subject={} level={}", subject == null ? "<global>" : subject, level);
  }

  /** Removes the subject's own level, returning the one it had (40401 if it had none). */
  public synchronized CompatibilityLevel deleteCompatibility(String subject) {
    CompatibilityLevel previous = store.config(subject).orElseThrow(() -> subjectNotFound(subject));
    store.putConfig(subject, null);
    return previous;
  }

  private static Optional<SchemaEntry> find(List<SchemaEntry> live, int wanted) {
    if (wanted < 0) {
      return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }
    return live.stream().filter(entry -> entry.version() == wanted).findFirst();
  }

  private List<SchemaEntry> requireSubject(String subject) {
    List<SchemaEntry> live = live(store.entries(subject));
    if (live.isEmpty()) {
      throw subjectNotFound(subject);
    }
    return live;
  }

  private static List<SchemaEntry> live(List<SchemaEntry> entries) {
    return entries.stream().filter(entry -> !entry.deleted()).toList();
  }

  private static List<CompatibilityChecker.Previous> previous(List<SchemaEntry> entries) {
    return entries.stream()
        .map(entry -> new CompatibilityChecker.Previous(entry.version(), new Schema.Parser().parse(entry.schema())))
        .toList();
  }

  /** -1 for "latest" (Confluent also accepts -1 itself), else a version number from 1 up. */
  static int parseVersion(String spec) {
    if (LATEST.equals(spec) || "-1".equals(spec)) {
      return -1;
    }
    try {
      int version = Integer.parseInt(spec);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same refusal as a non-positive number.
    }
    throw new SchemaRegistryException(SchemaRegistryException.INVALID_VERSION, "The specified version '" + spec
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: empty schema");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (AvroRuntimeException e) {
      throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: " + e.getMessage(), e);
    }
  }

  private static void requireAvro(String schemaType) {
    if (schemaType != null && !"AVRO".equals(schemaType.toUpperCase(Locale.ROOT))) {
      throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema type " + schemaType + ": this registry stores AVRO schemas only");
    }
  }

  private static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND,
        "Subject '" + subject + "' not found.");
  }

  private static SchemaRegistryException versionNotFound(String versionSpec) {
    return new SchemaRegistryException(SchemaRegistryException.VERSION_NOT_FOUND,
        "Version " + versionSpec + " not found.");
  }

  private static SchemaRegistryException schemaNotFound(int id) {
    return new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }
}
