package io.newsflow.registry.client;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Works out the bearer token a client sends, under Confluent's keys: {@code bearer.auth.credentials.source} and,
 * for the one source supported here, {@code STATIC_TOKEN}, the token itself in {@code bearer.auth.token}.
 */
final class BearerAuth {

  static final String STATIC_TOKEN = "STATIC_TOKEN";

  private BearerAuth() {
  }

  /** The value of the Authorization header to send, if a bearer source is configured. */
  static Optional<String> header(Map<String, ?> configs) {
    String source = ClientSettings.stringOrPrefixed(configs, SchemaRegistryClients.BEARER_AUTH_CREDENTIALS_SOURCE,
        null);
    if (source == null) {
      return Optional.empty();
    }
    if (!STATIC_TOKEN.equals(source.trim().toUpperCase(Locale.ROOT))) {
      // Confluent's other sources fetch tokens from an OAuth server or a SASL login; none is built in here.
      throw new ConfigException(SchemaRegistryClients.BEARER_AUTH_CREDENTIALS_SOURCE, source,
          "the supported source is " + STATIC_TOKEN + " (with " + SchemaRegistryClients.BEARER_AUTH_TOKEN + ")");
    }
    String token = ClientSettings.stringOrPrefixed(configs, SchemaRegistryClients.BEARER_AUTH_TOKEN, null);
    if (token == null) {
      throw new ConfigException("Missing required configuration \"" + SchemaRegistryClients.BEARER_AUTH_TOKEN
          + "\" for " + SchemaRegistryClients.BEARER_AUTH_CREDENTIALS_SOURCE + "=" + STATIC_TOKEN);
    }
    return Optional.of("Bearer " + token.trim());
  }
}
