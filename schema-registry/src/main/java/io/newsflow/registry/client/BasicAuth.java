package io.newsflow.registry.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

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
    String source = ClientSettings.stringOrPrefixed(configs, SchemaRegistryClients.BASIC_AUTH_CREDENTIALS_SOURCE,
        "URL").trim().toUpperCase(Locale.ROOT);
    String userInfo = switch (source) {
      case "USER_INFO" -> ClientSettings.stringOrPrefixed(configs, SchemaRegistryClients.BASIC_AUTH_USER_INFO, null);
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
}
