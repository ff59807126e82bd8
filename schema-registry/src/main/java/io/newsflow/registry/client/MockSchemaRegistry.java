package io.newsflow.registry.client;

import io.newsflow.registry.server.CompatibilityLevel;
import io.newsflow.registry.server.SchemaEntry;
import io.newsflow.registry.server.SchemaRegistryService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The registry behind {@code mock://<scope>} URLs: one in-memory registry per scope, shared by every serde in the
 * JVM configured with that URL, with exactly the rules of the real server (it runs the same service code).
 * Scopes live until {@link #drop(String)}; tests use a fresh scope name or drop theirs.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

  private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final String scope;
  private final SchemaRegistryService service = SchemaRegistryService.inMemory();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  private MockSchemaRegistry(String scope) {
    this.scope = scope;
  }

  /** The registry of {@code scope}, created empty on first use. */
  public static MockSchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
  }

  /** Forgets the registry of {@code scope}; the next use of the scope starts empty (ids from 1 again). */
  public static void drop(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public String url() {
    return SchemaRegistryClients.MOCK_SCHEME + scope;
  }

  @Override
  public int register(String subject, Schema schema) {
    int id = service.register(subject, schema.toString(), null);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    return schemasById.computeIfAbsent(id, key -> new Schema.Parser().parse(service.schemaById(key)));
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    return registered(service.lookup(subject, schema.toString(), null));
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return registered(service.version(subject, "latest"));
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    return registered(service.version(subject, Integer.toString(version)));
  }

  @Override
  public List<String> subjects() {
    return service.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return service.versions(subject);
  }

  @Override
  public List<Integer> deleteSubject(String subject) {
    return service.deleteSubject(subject, false);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return service.compatibilityProblems(subject, "latest", schema.toString(), null).isEmpty();
  }

  @Override
  public String getCompatibility(String subject) {
    return (subject == null ? service.globalCompatibility() : service.effectiveCompatibility(subject)).name();
  }

  @Override
  public void setCompatibility(String subject, String level) {
    service.setCompatibility(subject, CompatibilityLevel.parse(level));
  }

  private RegisteredSchema registered(SchemaEntry entry) {
    return new RegisteredSchema(entry.subject(), entry.version(), entry.id(), getById(entry.id()));
  }
}
