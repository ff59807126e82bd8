package io.newsflow.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.registry.testing.CapturedLog;
import io.newsflow.registry.testing.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the registry client reads Confluent's auth and TLS keys, and which keys it calls unknown. */
class ClientConfigTest {

  private static final String URL = "https://registry.example:8081";

  @TempDir
  Path dir;

  @Test
  void onlyRegistryKeysThatNothingReadsAreUnknown() {
    Map<String, Object> configs = new HashMap<>();
    configs.put("bootstrap.servers", "broker:9092");
    configs.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    configs.put("security.protocol", "SASL_SSL");
    configs.put("ssl.truststore.location", "/etc/kafka/truststore.jks");
    configs.put("auto.register.schemas", "false");
    configs.put("schema.registry.url", URL);
    configs.put("basic.auth.credentials.source", "USER_INFO");
    configs.put("schema.registry.basic.auth.user.info", "u:p");
    configs.put("bearer.auth.token", "t");
    configs.put("schema.registry.ssl.truststore.location", "/t.p12");
    configs.put("schema.registry.ssl.endpoint.identification.algorithm", "");
    configs.put("schema.registry.ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----");
    configs.put("schema.registry.ssl.trustore.password", "typo");
    configs.put("basic.auth.userinfo", "typo");
    configs.put("bearer.auth.logical.cluster", "lsrc-1");
    configs.put("schema.registry.proxy.host", "proxy");

    assertThat(SchemaRegistryClients.unknownKeys(configs)).containsExactly("basic.auth.userinfo",
        "bearer.auth.logical.cluster", "schema.registry.proxy.host", "schema.registry.ssl.trustore.password",
        "schema.registry.ssl.truststore.certificates");
  }

  @Test
  void unknownKeysAreWarnedAboutInOneLineOncePerJvm() {
    Map<String, Object> configs = Map.of("schema.registry.url", URL, "bearer.auth.warn-once-test", "x",
        "schema.registry.ssl.warn-once-test", "y", "bootstrap.servers", "broker:9092");
    try (CapturedLog log = CapturedLog.of(SchemaRegistryClients.class)) {
      SchemaRegistryClients.warnUnknownKeys(configs);
      SchemaRegistryClients.warnUnknownKeys(configs);
      HttpSchemaRegistryClient.create(URL, configs);

      assertThat(log.messages()).containsExactly(
          "schema registry settings not used keys=bearer.auth.warn-once-test,schema.registry.ssl.warn-once-test"
              + " (unknown to newsflow's registry client and serde)");
    }
  }

  @Test
  void aStaticBearerTokenBecomesTheAuthorizationHeader() {
    Map<String, Object> configs = Map.of("bearer.auth.credentials.source", "static_token",
        "bearer.auth.token", new Password("eyJ.token"));

    assertThat(BearerAuth.header(configs)).hasValue("Bearer eyJ.token");
    assertThat(BearerAuth.header(Map.of("schema.registry.bearer.auth.credentials.source", "STATIC_TOKEN",
        "schema.registry.bearer.auth.token", "prefixed"))).hasValue("Bearer prefixed");
    assertThat(BearerAuth.header(Map.of("bearer.auth.token", "no source"))).isEmpty();
  }

  @Test
  void otherBearerSourcesAndAMissingTokenAreConfigErrorsNamingWhatWorks() {
    assertThatThrownBy(() -> BearerAuth.header(Map.of("bearer.auth.credentials.source", "OAUTHBEARER")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value OAUTHBEARER for configuration bearer.auth.credentials.source: the supported"
            + " source is STATIC_TOKEN (with bearer.auth.token)");
    assertThatThrownBy(() -> BearerAuth.header(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Missing required configuration \"bearer.auth.token\" for"
            + " bearer.auth.credentials.source=STATIC_TOKEN");
  }

  @Test
  void basicAndBearerTogetherAreAConfigError() {
    Map<String, Object> both = Map.of("bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "t",
        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "u:p");
    Map<String, Object> bearer = Map.of("bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "t");

    assertThatThrownBy(() -> HttpSchemaRegistryClient.create(URL, both))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Both basic auth (basic.auth.credentials.source, basic.auth.user.info or credentials in"
            + " schema.registry.url) and bearer.auth.credentials.source are set; configure one of them");
    assertThatThrownBy(() -> HttpSchemaRegistryClient.create("https://u:p@registry.example:8081", bearer))
        .isInstanceOf(ConfigException.class);
    assertThat(HttpSchemaRegistryClient.create(URL, bearer).url()).isEqualTo(URL);
  }

  @Test
  void withoutTlsKeysTheJvmDefaultsApply() {
    assertThat(ClientTls.from(Map.of("schema.registry.url", URL, "ssl.truststore.location", "/kafka-only.jks")))
        .isEmpty();
    assertThat(BasicAuth.header(Map.of(), URI.create(URL))).isEmpty();
  }

  @Test
  void trustAndKeyStoresLoadIntoTheContextWithHostnameCheckingByDefault() {
    TestPki pki = TestPki.create(dir);

    ClientTls tls = ClientTls.from(Map.of(
        "schema.registry.ssl.truststore.location", pki.jksTrustStore().toString(),
        "schema.registry.ssl.truststore.password", TestPki.PASSWORD,
        "schema.registry.ssl.truststore.type", "JKS",
        "schema.registry.ssl.keystore.location", pki.clientKeyStore().toString(),
        "schema.registry.ssl.keystore.password", new Password(TestPki.PASSWORD),
        "schema.registry.ssl.keystore.type", "PKCS12")).orElseThrow();

    assertThat(tls.parameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    assertThat(tls.context().getProtocol()).isEqualTo("TLSv1.3");
  }

  @Test
  void unreadableStoresAndUnknownAlgorithmsAreConfigErrorsNamingTheKey() {
    TestPki pki = TestPki.create(dir);
    String missing = dir.resolve("missing.p12").toString();

    assertThatThrownBy(() -> ClientTls.from(Map.of("schema.registry.ssl.truststore.location", missing)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid value " + missing + " for configuration"
            + " schema.registry.ssl.truststore.location: cannot load it as a");
    assertThatThrownBy(() -> ClientTls.from(Map.of(
        "schema.registry.ssl.keystore.location", pki.clientKeyStore().toString(),
        "schema.registry.ssl.keystore.password", TestPki.PASSWORD,
        "schema.registry.ssl.key.password", "wrong")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid value [hidden] for configuration schema.registry.ssl.key.password:");
    assertThatThrownBy(() -> ClientTls.from(Map.of("schema.registry.ssl.endpoint.identification.algorithm", "LDAPS")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value LDAPS for configuration schema.registry.ssl.endpoint.identification.algorithm:"
            + " supported values are https (check the server's name) and an empty string (do not)");
  }
}
