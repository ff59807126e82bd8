package io.newsflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOptionsTest {

  @TempDir
  Path dir;

  @Test
  void withoutArgumentsItReadsTheLocalDemoStackFromTheBeginningWithoutLimits() {
    ConsumerOptions options = ConsumerOptions.parse();

    assertThat(options).isEqualTo(new ConsumerOptions("localhost:9092", "http://localhost:8081", "news.trends",
        Map.of(), 0, null));
  }

  @Test
  void bothSpellingsOfAnOptionAndAConfigFileAreRead() throws Exception {
    Path config = Files.writeString(dir.resolve("client.properties"),
        "schema.registry.ssl.truststore.location=/etc/newsflow/registry-ca.p12\nsecurity.protocol=SSL\n");

    ConsumerOptions options = ConsumerOptions.parse("--bootstrap-servers", "kafka:9093",
        "--schema-registry-url=https://registry:8081", "--config", config.toString(), "--max-records=5",
        "--timeout", "PT30S");

    assertThat(options).isEqualTo(new ConsumerOptions("kafka:9093", "https://registry:8081", "news.trends",
        Map.of("schema.registry.ssl.truststore.location", "/etc/newsflow/registry-ca.p12",
            "security.protocol", "SSL"), 5, Duration.ofSeconds(30)));
    assertThat(TrendsConsumer.settings(options)).containsEntry("bootstrap.servers", "kafka:9093")
        .containsEntry("schema.registry.url", "https://registry:8081")
        .containsEntry("specific.avro.value.type", "io.newsflow.avro.TrendSnapshot")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/newsflow/registry-ca.p12");
  }

  @Test
  void anUnknownOptionOrAMissingValueIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> ConsumerOptions.parse("--group", "g"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown option --group\nusage: ");
    assertThatThrownBy(() -> ConsumerOptions.parse("--topic"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--topic needs a value\nusage: ");
  }
}
