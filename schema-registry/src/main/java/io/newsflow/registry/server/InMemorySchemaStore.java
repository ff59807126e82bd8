package io.newsflow.registry.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link SchemaStore} in memory only: the store of tests and mock:// registries, and the read side of
 * {@link KafkaSchemaStore}, which replays its topic into one.
 */
final class InMemorySchemaStore implements SchemaStore {

  private final Map<String, NavigableMap<Integer, SchemaEntry>> bySubject = new HashMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectConfigs = new HashMap<>();
  private CompatibilityLevel globalConfig;
  private int maxId;

  @Override
  public synchronized void put(SchemaEntry entry) {
    bySubject.computeIfAbsent(entry.subject(), key -> new TreeMap<>()).put(entry.version(), entry);
    schemasById.put(entry.id(), entry.schema());
    idsBySchema.putIfAbsent(entry.schema(), entry.id());
    maxId = Math.max(maxId, entry.id());
  }

  @Override
  public synchronized void remove(String subject, int version) {
    NavigableMap<Integer, SchemaEntry> versions = bySubject.get(subject);
    if (versions == null) {
      return;
    }
    SchemaEntry removed = versions.remove(version);
    if (versions.isEmpty()) {
      bySubject.remove(subject);
    }
    // The id stays readable while another version anywhere still uses it; maxId never goes down, so a
    // forgotten id is not handed out again.
    if (removed != null && entriesWithId(removed.id()).isEmpty()) {
      schemasById.remove(removed.id());
      idsBySchema.remove(removed.schema(), removed.id());
    }
  }

  @Override
  public synchronized void putConfig(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalConfig = level;
    } else if (level == null) {
      subjectConfigs.remove(subject);
    } else {
      subjectConfigs.put(subject, level);
    }
  }

  @Override
  public synchronized List<SchemaEntry> entries(String subject) {
    NavigableMap<Integer, SchemaEntry> versions = bySubject.get(subject);
    return versions == null ? List.of() : List.copyOf(versions.values());
  }

  @Override
  public synchronized List<SchemaEntry> entriesWithId(int id) {
    List<SchemaEntry> found = new ArrayList<>();
    for (NavigableMap<Integer, SchemaEntry> versions : bySubject.values()) {
      for (SchemaEntry entry : versions.values()) {
        if (entry.id() == id) {
          found.add(entry);
        }
      }
    }
    found.sort((a, b) -> a.subject().equals(b.subject())
        ? Integer.compare(a.version(), b.version()) : a.subject().compareTo(b.subject()));
    return found;
  }

  @Override
  public synchronized Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  @Override
  public synchronized OptionalInt idOf(String canonicalSchema) {
    Integer id = idsBySchema.get(canonicalSchema);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public synchronized int maxId() {
    return maxId;
  }

  @Override
  public synchronized Set<String> subjects() {
    return new TreeSet<>(bySubject.keySet());
  }

  @Override
  public synchronized Optional<CompatibilityLevel> config(String subject) {
    return Optional.ofNullable(subject == null ? globalConfig : subjectConfigs.get(subject));
  }

  @Override
  public void close() {
    // Nothing held outside the heap.
  }
}
