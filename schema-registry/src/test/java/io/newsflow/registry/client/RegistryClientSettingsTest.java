package io.newsflow.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.registry.serde.AvroSerdeConfig;
import io.newsflow.registry.testing.SecuredSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of an application's settings its registry clients and serdes are given. */
class RegistryClientSettingsTest {

  @Test
  void theClientGetsEveryRegistryKeyAndNoKafkaOrNewsflowKey() {
    assertThat(SchemaRegistryClients.clientSettings(SecuredSettings.application()))
        .isEqualTo(SecuredSettings.REGISTRY);
  }

  @Test
  void basicAuthAndTyposUnderARegistryPrefixPassTooSoThatTheClientCanUseOrWarnAboutThem() {
    Map<String, String> all = Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "u:p",
        "schema.registry.ssl.trustore.password", "typo", "ssl.keystore.location", "/kafka.p12");

    assertThat(SchemaRegistryClients.clientSettings(all)).isEqualTo(Map.of("basic.auth.credentials.source",
        "USER_INFO", "basic.auth.user.info", "u:p", "schema.registry.ssl.trustore.password", "typo"));
  }

  @Test
  void everySerdeAlsoGetsTheSerdeSettingsThatHoldForAllOfThemAndUnreadConfluentOnesButNotAReaderClass() {
    Map<String, String> all = SecuredSettings.application();
    all.putAll(Map.of("auto.register.schemas", "false", "use.latest.version", "true",
        "specific.avro.value.type", "io.newsflow.avro.Article", "normalize.schemas", "true",
        "request.header.X-Tenant", "t1"));
    Map<String, Object> expected = new HashMap<>(SecuredSettings.REGISTRY);
    expected.putAll(Map.of("auto.register.schemas", "false", "use.latest.version", "true",
        "normalize.schemas", "true", "request.header.X-Tenant", "t1"));

    assertThat(AvroSerdeConfig.serdeSettings(all)).isEqualTo(expected);
  }
}
