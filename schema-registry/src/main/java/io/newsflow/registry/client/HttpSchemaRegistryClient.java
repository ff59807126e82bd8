package io.newsflow.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;

/**
 * A {@link SchemaRegistryClient} speaking Confluent's REST API over java.net.http. Ids and schemas never change once
 * registered, so id to schema and (subject, schema) to id are cached for the life of the client: once a schema is
 * known, serializing or deserializing a record makes no HTTP call.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryHttp http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  private HttpSchemaRegistryClient(RegistryHttp http) {
    this.http = http;
  }

  /**
   * A client for {@code urls} (one URL or several separated by commas, tried in order on I/O errors), with
   * credentials and TLS read from {@code configs} under Confluent's keys: basic auth
   * ({@code basic.auth.credentials.source}, {@code basic.auth.user.info}), or a bearer token
   * ({@code bearer.auth.credentials.source=STATIC_TOKEN}, {@code bearer.auth.token}), and
   * {@code schema.registry.ssl.*} (trust store, key store, endpoint identification).
   */
  public static HttpSchemaRegistryClient create(String urls, Map<String, ?> configs) {
    SchemaRegistryClients.warnUnknownKeys(configs);
    List<URI> bases = new ArrayList<>();
    for (String part : urls.split(",")) {
      if (!part.isBlank()) {
        bases.add(parse(part.trim()));
      }
    }
    if (bases.isEmpty()) {
      throw new ConfigException(SchemaRegistryClients.SCHEMA_REGISTRY_URL, urls, "no URL given");
    }
    Optional<String> authorization = authorization(configs, bases.get(0));
    List<URI> withoutCredentials = bases.stream().map(HttpSchemaRegistryClient::stripUserInfo).toList();
    return new HttpSchemaRegistryClient(new RegistryHttp(JSON, withoutCredentials, authorization,
        ClientTls.from(configs)));
  }

  /** Basic or bearer, never both: which one the operator meant would be a guess. */
  private static Optional<String> authorization(Map<String, ?> configs, URI firstUrl) {
    Optional<String> bearer = BearerAuth.header(configs);
    if (bearer.isEmpty()) {
      return BasicAuth.header(configs, firstUrl);
    }
    if (ClientSettings.present(configs, SchemaRegistryClients.BASIC_AUTH_CREDENTIALS_SOURCE)
        || ClientSettings.present(configs, SchemaRegistryClients.BASIC_AUTH_USER_INFO)
        || firstUrl.getRawUserInfo() != null) {
      throw new ConfigException("Both basic auth (" + SchemaRegistryClients.BASIC_AUTH_CREDENTIALS_SOURCE + ", "
          + SchemaRegistryClients.BASIC_AUTH_USER_INFO + " or credentials in "
          + SchemaRegistryClients.SCHEMA_REGISTRY_URL + ") and " + SchemaRegistryClients.BEARER_AUTH_CREDENTIALS_SOURCE
          + " are set; configure one of them");
    }
    return bearer;
  }

  @Override
  public String url() {
    return http.describe();
  }

  @Override
  public int register(String subject, Schema schema) {
    Integer cached = cachedId(subject, schema);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = http.call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = answer.path("id").asInt();
    remember(subject, schema, id);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = http.call("GET", "/schemas/ids/" + id, null);
    Schema schema = parseSchema(answer.path("schema").asText(), "id " + id);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous == null ? schema : previous;
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    JsonNode answer = http.call("POST", "/subjects/" + encode(subject), schemaBody(schema));
    RegisteredSchema found = registered(answer);
    remember(subject, schema, found.id());
    return found;
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return registered(http.call("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    return registered(http.call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    http.call("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    return ints(http.call("GET", "/subjects/" + encode(subject) + "/versions", null));
  }

  @Override
  public List<Integer> deleteSubject(String subject) {
    List<Integer> deleted = ints(http.call("DELETE", "/subjects/" + encode(subject), null));
    idsBySubject.remove(subject);
    return deleted;
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    JsonNode answer = http.call("POST",
        "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
    return answer.path("is_compatible").asBoolean();
  }

  @Override
  public String getCompatibility(String subject) {
    String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
    return http.call("GET", path, null).path("compatibilityLevel").asText();
  }

  @Override
  public void setCompatibility(String subject, String level) {
    String path = subject == null ? "/config" : "/config/" + encode(subject);
    http.call("PUT", path, Map.of("compatibility", level));
  }

  private Integer cachedId(String subject, Schema schema) {
    Map<Schema, Integer> ids = idsBySubject.get(subject);
    return ids == null ? null : ids.get(schema);
  }

  private void remember(String subject, Schema schema, int id) {
    idsBySubject.computeIfAbsent(subject, key -> new ConcurrentHashMap<>()).put(schema, id);
    schemasById.putIfAbsent(id, schema);
  }

  private RegisteredSchema registered(JsonNode answer) {
    int id = answer.path("id").asInt();
    Schema schema = schemasById.get(id);
    if (schema == null) {
      schema = parseSchema(answer.path("schema").asText(), "id " + id);
      schemasById.putIfAbsent(id, schema);
    }
    return new RegisteredSchema(answer.path("subject").asText(), answer.path("version").asInt(), id, schema);
  }

  private Schema parseSchema(String text, String what) {
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
          "Schema Registry " + url() + " returned an unparseable Avro schema for " + what + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> schemaBody(Schema schema) {
    return Map.of("schema", schema.toString());
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asInt()));
    return values;
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(url, "expected http(s)://host[:port]");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(SchemaRegistryClients.SCHEMA_REGISTRY_URL, url, e.getMessage());
    }
  }

  private static URI stripUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw new ConfigException(SchemaRegistryClients.SCHEMA_REGISTRY_URL, uri.toString(), e.getMessage());
    }
  }
}
