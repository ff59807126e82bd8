package io.newsflow.registry.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * What a user of a SASL_SSL cluster and of a registry behind HTTPS with a bearer token writes in newsflow's
 * configuration, for tests that check every client newsflow makes is given it. The paths need not exist: the
 * tests look at the settings a factory builds, not at a connection.
 */
public final class SecuredSettings {

  /** The Kafka client security settings, with the empty value that turns hostname checks off. */
  public static final Map<String, String> KAFKA = Map.of(
      "security.protocol", "SASL_SSL",
      "sasl.mechanism", "SCRAM-SHA-512",
      "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
          + " username=\"newsflow\" password=\"secret\";",
      "ssl.truststore.location", "/etc/kafka/truststore.p12",
      "ssl.truststore.password", "changeit",
      "ssl.endpoint.identification.algorithm", "");

  /** The registry client's settings: its URL, a bearer token, and every TLS key it reads. */
  public static final Map<String, String> REGISTRY = Map.ofEntries(
      Map.entry("schema.registry.url", "https://registry.example:8081"),
      Map.entry("bearer.auth.credentials.source", "STATIC_TOKEN"),
      Map.entry("bearer.auth.token", "token"),
      Map.entry("schema.registry.ssl.truststore.location", "/etc/registry/truststore.p12"),
      Map.entry("schema.registry.ssl.truststore.password", "changeit"),
      Map.entry("schema.registry.ssl.truststore.type", "PKCS12"),
      Map.entry("schema.registry.ssl.keystore.location", "/etc/registry/client.p12"),
      Map.entry("schema.registry.ssl.keystore.password", "keystore-secret"),
      Map.entry("schema.registry.ssl.keystore.type", "PKCS12"),
      Map.entry("schema.registry.ssl.key.password", "key-secret"),
      Map.entry("schema.registry.ssl.endpoint.identification.algorithm", ""),
      Map.entry("schema.registry.ssl.protocol", "TLSv1.3"));

  public static final String BOOTSTRAP_SERVERS = "broker-1.example:9093";

  private SecuredSettings() {
  }

  /** A whole application's configuration: both of the above, the bootstrap servers and a newsflow.* key. */
  public static Map<String, String> application() {
    Map<String, String> all = new HashMap<>(KAFKA);
    all.putAll(REGISTRY);
    all.put("bootstrap.servers", BOOTSTRAP_SERVERS);
    all.put("newsflow.trends.top-n", "5");
    return all;
  }
}
