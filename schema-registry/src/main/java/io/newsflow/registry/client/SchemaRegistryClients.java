package io.newsflow.registry.client;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Builds the right {@link SchemaRegistryClient} for a {@code schema.registry.url}: mock:// or http(s)://. */
public final class SchemaRegistryClients {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String MOCK_SCHEME = "mock://";

  private SchemaRegistryClients() {
  }

  /** A client for {@code url}; {@code configs} supplies the basic-auth settings of an HTTP registry. */
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
