package io.newsflow.registry.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the right {@link SchemaRegistryClient} for a {@code schema.registry.url}: mock:// or http(s)://. */
public final class SchemaRegistryClients {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String SSL_TRUSTSTORE_LOCATION = ClientTls.TRUSTSTORE_LOCATION;
  public static final String SSL_TRUSTSTORE_PASSWORD = ClientTls.TRUSTSTORE_PASSWORD;
  public static final String SSL_TRUSTSTORE_TYPE = ClientTls.TRUSTSTORE_TYPE;
  public static final String SSL_KEYSTORE_LOCATION = ClientTls.KEYSTORE_LOCATION;
  public static final String SSL_KEYSTORE_PASSWORD = ClientTls.KEYSTORE_PASSWORD;
  public static final String SSL_KEYSTORE_TYPE = ClientTls.KEYSTORE_TYPE;
  public static final String SSL_KEY_PASSWORD = ClientTls.KEY_PASSWORD;
  public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM = ClientTls.ENDPOINT_IDENTIFICATION_ALGORITHM;
  public static final String SSL_PROTOCOL = ClientTls.PROTOCOL;
  public static final String MOCK_SCHEME = "mock://";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClients.class);
  /** The families of keys that belong to a registry client; any other key is some other component's business. */
  private static final List<String> OWN_PREFIXES = List.of(ClientSettings.PREFIX, "basic.auth.", "bearer.auth.");
  private static final Set<String> KNOWN_KEYS = known();
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private SchemaRegistryClients() {
  }

  /** A client for {@code url}; {@code configs} supplies the credentials and TLS settings of an HTTP registry. */
  public static SchemaRegistryClient create(String url, Map<String, ?> configs) {
    if (url == null || url.isBlank()) {
      throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
          + "\" which has no default value.");
    }
    String trimmed = url.trim();
    if (trimmed.toLowerCase(Locale.ROOT).startsWith(MOCK_SCHEME)) {
      if (trimmed.contains(",")) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, url, "a mock:// registry takes exactly one URL");
      }
      return MockSchemaRegistry.forScope(trimmed.substring(MOCK_SCHEME.length()));
    }
    return HttpSchemaRegistryClient.create(trimmed, configs);
  }

  /**
   * Logs one warning naming the keys of {@code configs} that look like registry client settings but are none this
   * client reads (a typo, or a Confluent feature not built here).
   */
  public static void warnUnknownKeys(Map<String, ?> configs) {
    warnOnce(unknownKeys(configs));
  }

  /**
   * Logs one line listing those of {@code keys} not warned about before in this JVM, nothing if there are none: a
   * serde is configured once per Kafka client, and the same mistake in every one of them is still one mistake.
   */
  public static void warnOnce(Collection<String> keys) {
    List<String> fresh = new TreeSet<>(keys).stream().filter(WARNED::add).toList();
    if (!fresh.isEmpty()) {
      LOG.warn("schema registry settings not used keys={} (unknown to newsflow's registry client and serde)",
          String.join(",", fresh));
    }
  }

  /**
   * The registry client settings among {@code all}: every {@code schema.registry.*}, {@code basic.auth.*} and
   * {@code bearer.auth.*} key, unknown ones included so that {@link #warnUnknownKeys} still sees a typo. An
   * application's whole configuration goes in; what comes out is what each of its registry clients and serdes
   * gets, so that none of them misses a credential or a trust store another one has.
   */
  public static Map<String, Object> clientSettings(Map<String, ?> all) {
    Map<String, Object> settings = new HashMap<>();
    all.forEach((key, value) -> {
      if (value != null && isOwn(key)) {
        settings.put(key, value);
      }
    });
    return settings;
  }

  /** The keys of {@code configs} under schema.registry., basic.auth. or bearer.auth. that no code here reads. */
  public static Set<String> unknownKeys(Map<String, ?> configs) {
    Set<String> unknown = new TreeSet<>();
    for (String key : configs.keySet()) {
      if (isOwn(key) && !KNOWN_KEYS.contains(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  private static boolean isOwn(String key) {
    return OWN_PREFIXES.stream().anyMatch(key::startsWith);
  }

  private static Set<String> known() {
    Set<String> keys = new HashSet<>(List.of(SCHEMA_REGISTRY_URL, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD,
        SSL_TRUSTSTORE_TYPE, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE, SSL_KEY_PASSWORD,
        SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, SSL_PROTOCOL));
    for (String auth : List.of(BASIC_AUTH_CREDENTIALS_SOURCE, BASIC_AUTH_USER_INFO, BEARER_AUTH_CREDENTIALS_SOURCE,
        BEARER_AUTH_TOKEN)) {
      keys.add(auth);
      keys.add(ClientSettings.PREFIX + auth);
    }
    return Set.copyOf(keys);
  }

  /** A client for the {@code schema.registry.url} found in {@code configs}. */
  public static SchemaRegistryClient create(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url instanceof Collection<?> urls) {
      // Kafka's LIST config type hands several URLs over as a collection.
      url = String.join(",", urls.stream().map(String::valueOf).toList());
    }
    return create(url == null ? null : url.toString(), configs);
  }
}
