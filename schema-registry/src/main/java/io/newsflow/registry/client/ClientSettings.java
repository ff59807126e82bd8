package io.newsflow.registry.client;

import java.util.Map;
import org.apache.kafka.common.config.types.Password;

/** Reads one registry client setting out of Kafka-style configs, where a value may be a string or a Password. */
final class ClientSettings {

  static final String PREFIX = "schema.registry.";

  private ClientSettings() {
  }

  /** The value of {@code key} as given (untrimmed: it may be a password), or {@code fallback} if absent or blank. */
  static String string(Map<String, ?> configs, String key, String fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    String text = value instanceof Password password ? password.value() : value.toString();
    return text.isBlank() ? fallback : text;
  }

  /**
   * Like {@link #string}, also reading the "schema.registry."-prefixed spelling, which Confluent's serdes accept
   * for every client setting of theirs (they strip the prefix); the plain key wins.
   */
  static String stringOrPrefixed(Map<String, ?> configs, String key, String fallback) {
    String plain = string(configs, key, null);
    return plain != null ? plain : string(configs, PREFIX + key, fallback);
  }

  /** Whether {@code key} or its prefixed spelling is set at all, even to an empty value. */
  static boolean present(Map<String, ?> configs, String key) {
    return configs.get(key) != null || configs.get(PREFIX + key) != null;
  }
}
