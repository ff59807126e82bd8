package io.newsflow.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.registry.client.MockSchemaRegistry;
import io.newsflow.registry.client.SchemaRegistryClients;
import io.newsflow.registry.testing.CapturedLog;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which serde keys the serde calls unknown, and how it tells the operator. */
class AvroSerdeConfigTest {

  private final String scope = "serde-config-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void confluentSerdeKeysNothingReadsAreUnknownButKafkaAndOwnKeysAreNot() {
    Map<String, Object> configs = Map.of("schema.registry.url", "mock://" + scope,
        "bootstrap.servers", "broker:9092", "group.id", "g", "auto.register.schemas", "false",
        "specific.avro.value.type", RawArticle.class.getName(), "specific.avro.reader", "true",
        "normalize.schemas", "true", "request.header.X-Tenant", "t1", "schema.registry.ssl.trustore.type", "JKS");

    assertThat(AvroSerdeConfig.unknownKeys(configs)).containsExactly("normalize.schemas",
        "request.header.X-Tenant", "schema.registry.ssl.trustore.type", "specific.avro.reader");
  }

  @Test
  void aSerdeConfiguredWithUnknownKeysWarnsOnceInOneLineNamingThem() {
    Map<String, Object> configs = Map.of("schema.registry.url", "mock://" + scope,
        "bootstrap.servers", "broker:9092", "use.schema.id", "7", "bearer.auth.serde-warn-test", "x");
    try (CapturedLog log = CapturedLog.of(SchemaRegistryClients.class);
        AvroSerde<RawArticle> keys = new AvroSerde<>(RawArticle.class);
        AvroSerde<RawArticle> values = new AvroSerde<>(RawArticle.class)) {
      keys.configure(configs, true);
      values.configure(configs, false);

      assertThat(log.messages()).containsExactly(
          "schema registry settings not used keys=bearer.auth.serde-warn-test,use.schema.id"
              + " (unknown to newsflow's registry client and serde)");
    }
  }
}
