package io.newsflow.registry.serde;

import io.newsflow.registry.client.SchemaRegistryClients;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings, under the same keys as Confluent's KafkaAvroSerializer / SpecificAvroSerde so that existing
 * client configuration carries over unchanged.
 *
 * @param schemaRegistryUrl http(s)://host:port (several separated by commas) or mock://scope
 * @param autoRegisterSchemas register the record's schema on first use (else it must already be registered)
 * @param useLatestVersion write with the subject's latest schema instead of the record's own
 * @param latestCacheTtlSeconds how long the latest version is remembered; negative means for the serde's lifetime
 */
public record AvroSerdeConfig(String schemaRegistryUrl, boolean autoRegisterSchemas, boolean useLatestVersion,
    long latestCacheTtlSeconds) {

  public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClients.SCHEMA_REGISTRY_URL;
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = SchemaRegistryClients.BASIC_AUTH_CREDENTIALS_SOURCE;
  public static final String BASIC_AUTH_USER_INFO = SchemaRegistryClients.BASIC_AUTH_USER_INFO;
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = SchemaRegistryClients.BEARER_AUTH_CREDENTIALS_SOURCE;
  public static final String BEARER_AUTH_TOKEN = SchemaRegistryClients.BEARER_AUTH_TOKEN;
  /** Reader class of a deserializer built without one (Confluent's key), e.g. io.newsflow.avro.RawArticle. */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  /**
   * The serde keys that hold for every serde of an application; the reader classes (specific.avro.*) are left
   * out because each serde has its own.
   */
  private static final List<String> SHARED_KEYS = List.of(AUTO_REGISTER_SCHEMAS, USE_LATEST_VERSION,
      LATEST_CACHE_TTL_SEC, KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY);
  /**
   * Keys of Confluent's Avro serdes (AbstractKafkaSchemaSerDeConfig, KafkaAvroSerializerConfig,
   * KafkaAvroDeserializerConfig) that these serdes do not read. A serde gets its Kafka client's whole configuration,
   * so only keys known to belong to a serde can be called unknown; a setting carried over from a Confluent setup
   * that silently does nothing here is what the warning is for.
   */
  private static final Set<String> CONFLUENT_KEYS_NOT_READ = Set.of("max.schemas.per.subject", "normalize.schemas",
      "use.schema.id", "id.compatibility.strict", "latest.compatibility.strict", "context.name.strategy",
      "schema.reflection", "proxy.host", "proxy.port", "http.connect.timeout.ms", "http.read.timeout.ms",
      "reference.subject.name.strategy", "use.latest.with.metadata", "latest.cache.size", "rule.executors",
      "rule.actions", "specific.avro.reader", "avro.reflection.allow.null", "avro.use.logical.type.converters",
      "avro.remove.java.properties");
  /** Confluent's serdes send each {@code request.header.<name>} as an HTTP header; these do not. */
  private static final String REQUEST_HEADER_PREFIX = "request.header.";

  /**
   * Parses Kafka-style configs (values may be strings, booleans, numbers or lists), warning in one line about
   * registry keys (schema.registry.*, basic.auth.*, bearer.auth.*) and Confluent serde keys that nothing here reads.
   */
  public static AvroSerdeConfig parse(Map<String, ?> configs) {
    SchemaRegistryClients.warnOnce(unknownKeys(configs));
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url instanceof Collection<?> urls) {
      url = String.join(",", urls.stream().map(String::valueOf).toList());
    }
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
          + "\" which has no default value.");
    }
    requireTopicNameStrategy(configs, KEY_SUBJECT_NAME_STRATEGY);
    requireTopicNameStrategy(configs, VALUE_SUBJECT_NAME_STRATEGY);
    return new AvroSerdeConfig(url.toString().trim(),
        bool(configs, AUTO_REGISTER_SCHEMAS, true),
        bool(configs, USE_LATEST_VERSION, false),
        number(configs, LATEST_CACHE_TTL_SEC, -1));
  }

  /**
   * What every serde of an application gets from its whole configuration {@code all}: the registry client's
   * settings ({@link SchemaRegistryClients#clientSettings}) and the serde settings that hold for all of them
   * ({@code auto.register.schemas}, {@code use.latest.version}, {@code latest.cache.ttl.sec}, the subject name
   * strategies), and the Confluent serde keys nothing here reads, for the serde's warning.
   */
  public static Map<String, Object> serdeSettings(Map<String, ?> all) {
    Map<String, Object> settings = SchemaRegistryClients.clientSettings(all);
    for (String key : SHARED_KEYS) {
      if (all.get(key) != null) {
        settings.put(key, all.get(key));
      }
    }
    // Passed on only so that the serde names them in its warning instead of their vanishing here.
    all.forEach((key, value) -> {
      if (value != null && isConfluentKeyNotRead(key)) {
        settings.put(key, value);
      }
    });
    return settings;
  }

  /** The registry client's unknown keys and the Confluent serde keys of {@code configs} that nothing here reads. */
  static Set<String> unknownKeys(Map<String, ?> configs) {
    Set<String> unknown = new TreeSet<>(SchemaRegistryClients.unknownKeys(configs));
    for (String key : configs.keySet()) {
      if (isConfluentKeyNotRead(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  private static boolean isConfluentKeyNotRead(String key) {
    return CONFLUENT_KEYS_NOT_READ.contains(key) || key.startsWith(REQUEST_HEADER_PREFIX);
  }

  /** Confluent's TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  private static void requireTopicNameStrategy(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    String name = value instanceof Class<?> type ? type.getName() : value == null ? null : value.toString();
    if (name != null && !name.endsWith("TopicNameStrategy")) {
      throw new ConfigException(key, name, "only TopicNameStrategy (<topic>-key / <topic>-value) is supported");
    }
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new ConfigException(key, value, "expected true or false");
    }
    return Boolean.parseBoolean(text);
  }

  private static long number(Map<String, ?> configs, String key, long fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "expected a whole number of seconds");
    }
  }
}
