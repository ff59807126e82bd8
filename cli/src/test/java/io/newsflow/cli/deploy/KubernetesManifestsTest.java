package io.newsflow.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s: every manifest valid against the Kubernetes schema (strict: unknown fields fail), and the
 * streams app wired the way the app needs: state.dir on the claim, its advertised host the pod's name under
 * the headless service, probes on /health and /ready, a non-root user, a memory limit that holds the heap
 * and RocksDB.
 */
class KubernetesManifestsTest {

  private static final Path DIR = Path.of("..", "deploy", "k8s");
  private static final long MIB = 1024 * 1024;
  /** What the JVM takes besides the heap and RocksDB: metaspace, threads, code cache, direct buffers. */
  private static final long JVM_NON_HEAP = 256 * MIB;

  private static KubernetesSchema schema;
  private static List<JsonNode> manifests;

  @BeforeAll
  static void read() throws IOException {
    schema = KubernetesSchema.load();
    manifests = new ArrayList<>();
    for (JsonNode resource : Yaml.read(DIR.resolve("kustomization.yaml")).path("resources")) {
      manifests.addAll(Yaml.readAll(DIR.resolve(resource.asText())));
    }
  }

  @Test
  void kustomizationListsEveryManifest() throws IOException {
    List<String> listed = new ArrayList<>();
    Yaml.read(DIR.resolve("kustomization.yaml")).path("resources").forEach(r -> listed.add(r.asText()));
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  @Test
  void everyManifestIsValidKubernetes() {
    assertThat(manifests).extracting(m -> m.path("kind").asText())
        .contains("StatefulSet", "Service", "ConfigMap", "Deployment", "PersistentVolumeClaim");
    for (JsonNode manifest : manifests) {
      assertThat(schema.problems(manifest)).as(manifest.path("kind") + " " + manifest.at("/metadata/name")).isEmpty();
    }
  }

  @Test
  void validationRefusesAMisspelledFieldAWrongTypeAndAWrongApiVersion() {
    ObjectNode misspelled = (ObjectNode) streamsApp().deepCopy();
    ObjectNode podSpec = (ObjectNode) misspelled.at("/spec/template/spec");
    podSpec.set("contaners", podSpec.remove("containers"));
    assertThat(schema.problems(misspelled)).anySatisfy(p -> assertThat(p).contains("contaners"));

    ObjectNode wrongType = (ObjectNode) streamsApp().deepCopy();
    ((ObjectNode) wrongType.get("spec")).put("replicas", "two");
    assertThat(schema.problems(wrongType)).anySatisfy(p -> assertThat(p).contains("replicas"));

    ObjectNode badQuantity = (ObjectNode) streamsApp().deepCopy();
    ((ObjectNode) badQuantity.at("/spec/template/spec/containers/0/resources/limits")).put("memory", "1GB");
    assertThat(schema.problems(badQuantity)).anySatisfy(p -> assertThat(p).contains("memory"));

    ObjectNode oldApi = ((ObjectNode) streamsApp().deepCopy()).put("apiVersion", "apps/v1beta1");
    assertThat(schema.problems(oldApi)).containsExactly("StatefulSet is apps/v1, not apps/v1beta1");
  }

  @Test
  void stateDirIsOnTheVolumeClaim() {
    JsonNode app = streamsApp();
    String claim = app.at("/spec/volumeClaimTemplates/0/metadata/name").asText();
    assertThat(mountPath(container(app), claim)).isEqualTo(env(container(app), "KAFKA_STATE_DIR"))
        .isEqualTo("/var/lib/newsflow/streams");
  }

  @Test
  void advertisedHostIsThePodsNameUnderTheHeadlessService() {
    JsonNode app = streamsApp();
    String serviceName = app.at("/spec/serviceName").asText();
    JsonNode headless = find("Service", serviceName);
    assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
    assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
    assertThat(headless.at("/spec/selector")).isEqualTo(app.at("/spec/template/metadata/labels"));
    assertThat(env(container(app), "NEWSFLOW_HTTP_ADVERTISED_HOST"))
        .isEqualTo("$(POD_NAME)." + serviceName + ".$(POD_NAMESPACE).svc.cluster.local");
    assertThat(find("Service", "newsflow-streams").at("/spec/selector")).isEqualTo(headless.at("/spec/selector"));
  }

  @Test
  void probesAskHealthAndReady() {
    JsonNode container = container(streamsApp());
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
  }

  @Test
  void podsRunAsTheImagesUserWithTheApiTokenFromASecret() throws IOException {
    Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(Files.readString(Path.of("..", "Dockerfile")));
    assertThat(user.find()).isTrue();
    for (JsonNode workload : List.of(streamsApp(), find("Deployment", "newsflow-producer"))) {
      JsonNode pod = workload.at("/spec/template/spec/securityContext");
      assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.path("runAsUser").asText()).isEqualTo(user.group(1));
      assertThat(pod.path("fsGroup").asText()).isEqualTo(user.group(2));
      assertThat(container(workload).at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
    }
    JsonNode token = envVar(container(streamsApp()), "NEWSFLOW_HTTP_AUTH_TOKEN").at("/valueFrom/secretKeyRef");
    assertThat(token.path("name").asText()).isEqualTo("newsflow-api");
    assertThat(token.path("key").asText()).isEqualTo("token");
  }

  @Test
  void memoryLimitHoldsTheHeapRocksDbAndTheJvm() {
    JsonNode container = container(streamsApp());
    long limit = bytes(container.at("/resources/limits/memory").asText());
    assertThat(container.at("/resources/requests/memory").asText()).isEqualTo(container.at("/resources/limits/memory").asText());
    Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(env(container, "JAVA_TOOL_OPTIONS"));
    assertThat(percent.find()).isTrue();
    long heap = (long) (limit * Double.parseDouble(percent.group(1)) / 100);
    JsonNode config = find("ConfigMap", "newsflow-config").path("data");
    long blockCache = bytes(config.path("NEWSFLOW_ROCKSDB_BLOCK_CACHE").asText());
    assertThat(bytes(config.path("NEWSFLOW_ROCKSDB_WRITE_BUFFERS").asText())).isLessThanOrEqualTo(blockCache);
    assertThat(heap + blockCache + JVM_NON_HEAP).isLessThanOrEqualTo(limit);
  }

  @Test
  void producerKeepsItsStateFileOnAClaim() {
    JsonNode producer = find("Deployment", "newsflow-producer");
    assertThat(producer.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(producer.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    List<String> args = new ArrayList<>();
    container(producer).path("args").forEach(a -> args.add(a.asText()));
    Path stateFile = Path.of(args.get(args.indexOf("--state") + 1));
    String volume = null;
    for (JsonNode mount : container(producer).path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals(stateFile.getParent().toString())) {
        volume = mount.path("name").asText();
      }
    }
    String volumeName = volume;
    assertThat(producer.at("/spec/template/spec/volumes")).anySatisfy(v -> {
      assertThat(v.path("name").asText()).isEqualTo(volumeName);
      assertThat(find("PersistentVolumeClaim", v.at("/persistentVolumeClaim/claimName").asText())).isNotNull();
    });
  }

  private static JsonNode streamsApp() {
    return find("StatefulSet", "newsflow-streams");
  }

  private static JsonNode find(String kind, String name) {
    return manifests.stream()
        .filter(m -> m.path("kind").asText().equals(kind) && m.at("/metadata/name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static JsonNode container(JsonNode workload) {
    return workload.at("/spec/template/spec/containers/0");
  }

  private static JsonNode envVar(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError("no env " + name);
  }

  private static String env(JsonNode container, String name) {
    return envVar(container, name).path("value").asText();
  }

  private static String mountPath(JsonNode container, String volume) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("name").asText().equals(volume)) {
        return mount.path("mountPath").asText();
      }
    }
    throw new AssertionError("no mount of " + volume);
  }

  /** Kubernetes quantities (1Gi, 512Mi) and newsflow's sizes (64MiB). */
  private static long bytes(String size) {
    Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|KiB|MiB|GiB)").matcher(size);
    assertThat(m.matches()).as(size).isTrue();
    int shift = switch (m.group(2).charAt(0)) {
      case 'K' -> 10;
      case 'M' -> 20;
      default -> 30;
    };
    return Long.parseLong(m.group(1)) << shift;
  }
}
