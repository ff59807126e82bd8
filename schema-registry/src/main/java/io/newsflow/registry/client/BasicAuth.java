package io.newsflow.registry.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Works out the HTTP Basic credentials a client sends, the way Confluent's clients do: from
 * {@code basic.auth.user.info} when {@code basic.auth.credentials.source=USER_INFO}, from the URL's user info when
 * the source is {@code URL} (Confluent's default).
 */
final class BasicAuth {

  private BasicAuth() {
  }

  /** The value of the Authorization header to send, if credentials are configured. */
  static Optional<String> header(Map<String, ?> configs, URI firstUrl) {
    String source = string(configs, SchemaRegistryClients.BASIC_AUTH_CREDENTIALS_SOURCE, "URL")
        .toUpperCase(Locale.ROOT);
    String userInfo = switch (source) {
      case "USER_INFO" -> string(configs, SchemaRegistryClients.BASIC_AUTH_USER_INFO, null);
      case "URL" -> firstUrl.getRawUserInfo() == null
          ? null : URLDecoder.decode(firstUrl.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
      default -> throw new ConfigException(SchemaRegistryClients.BASIC_AUTH_CREDENTIALS_SOURCE, source,
          "supported sources are USER_INFO and URL");
    };
    if (userInfo == null || userInfo.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
  }

  private static String string(Map<String, ?> configs, String key, String fallback) {
    Object value = configs.get(key);
    if (value == null) {
      // Confluent also reads the older "schema.registry."-prefixed spelling of the auth keys.
      value = configs.get("schema.registry." + key);
    }
    if (value == null) {
      return fallback;
    }
    if (value instanceof Password password) {
      return password.value();
    }
    return value.toString();
  }
}
