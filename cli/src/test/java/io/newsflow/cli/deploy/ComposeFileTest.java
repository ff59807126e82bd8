package io.newsflow.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of docker-compose.yml that `docker-compose config -q` does not check: every service restarts by
 * itself and says whether it is healthy, and what must outlive a container is in a named volume mounted where
 * the application is configured to keep it.
 */
class ComposeFileTest {

  private static JsonNode services;
  private static JsonNode volumes;

  @BeforeAll
  static void read() throws IOException {
    JsonNode compose = Yaml.read(Path.of("..", "docker-compose.yml"));
    services = compose.get("services");
    volumes = compose.get("volumes");
  }

  @Test
  void everyServiceRestartsUnlessStoppedAndHasAHealthCheck() {
    assertThat(names(services)).contains("kafka", "streams-app", "producer", "kafka-1", "streams-app-2");
    services.fields().forEachRemaining(service -> {
      JsonNode spec = service.getValue();
      assertThat(spec.path("restart").asText()).as(service.getKey() + " restart").isEqualTo("unless-stopped");
      JsonNode test = spec.path("healthcheck").path("test");
      assertThat(test.isArray() && test.size() >= 2).as(service.getKey() + " healthcheck.test").isTrue();
      assertThat(test.get(0).asText()).as(service.getKey() + " healthcheck.test").isIn("CMD", "CMD-SHELL");
    });
  }

  @Test
  void everyBrokerKeepsItsLogDirsInANamedVolume() {
    for (String broker : List.of("kafka", "kafka-1", "kafka-2", "kafka-3")) {
      JsonNode spec = services.get(broker);
      String logDirs = spec.path("environment").path("KAFKA_LOG_DIRS").asText();
      assertThat(logDirs).as(broker + " KAFKA_LOG_DIRS").isEqualTo("/var/lib/kafka/data");
      assertNamedVolumeAt(broker, logDirs);
      // Storage in the volume is formatted with the cluster id: a broker recreated with another would not start.
      assertThat(spec.path("environment").path("CLUSTER_ID").asText()).as(broker + " CLUSTER_ID").isNotBlank();
    }
  }

  @Test
  void everyStreamsAppKeepsItsStateDirInANamedVolume() {
    for (String app : List.of("streams-app", "streams-app-1", "streams-app-2")) {
      String stateDir = services.get(app).path("environment").path("KAFKA_STATE_DIR").asText();
      assertThat(stateDir).as(app + " KAFKA_STATE_DIR").isEqualTo("/var/lib/newsflow/streams");
      assertNamedVolumeAt(app, stateDir);
    }
  }

  @Test
  void everyProducerKeepsItsStateFileInANamedVolume() {
    for (String producer : List.of("producer", "producer-cluster")) {
      List<String> command = texts(services.get(producer).path("command"));
      int state = command.indexOf("--state");
      assertThat(state).as(producer + " --state").isNotNegative();
      assertThat(command).as(producer + " command").contains("--follow").doesNotContain("--no-state");
      Path stateFile = Path.of(command.get(state + 1));
      assertNamedVolumeAt(producer, stateFile.getParent().toString());
    }
  }

  @Test
  void appInstancesAndProducersHaveVolumesOfTheirOwn() {
    Map<String, String> owner = new HashMap<>();
    services.fields().forEachRemaining(service -> {
      for (String mount : texts(service.getValue().path("volumes"))) {
        String source = mount.split(":")[0];
        if (volumes.has(source)) {
          String previous = owner.put(source, service.getKey());
          assertThat(previous).as("volume " + source + " mounted by " + previous + " and " + service.getKey()).isNull();
        }
      }
    });
  }

  private static void assertNamedVolumeAt(String service, String path) {
    List<String> named = new ArrayList<>();
    for (String mount : texts(services.get(service).path("volumes"))) {
      String[] parts = mount.split(":");
      if (parts.length >= 2 && parts[1].equals(path) && volumes.has(parts[0])) {
        named.add(parts[0]);
      }
    }
    assertThat(named).as(service + ": a named volume at " + path).hasSize(1);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
