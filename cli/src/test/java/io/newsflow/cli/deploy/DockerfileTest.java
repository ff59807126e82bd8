package io.newsflow.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Dockerfile without a Docker engine: the dependency layer comes from the poms
 * alone (every module's), the images run as a fixed non-root user with a health check and a container-aware
 * heap, and the streams app's image has no seeds.
 */
class DockerfileTest {

  private static final Path ROOT = Path.of("..");
  /** Instructions of each stage, continuation lines joined, comments left out; stage name to its lines. */
  private static final Map<String, List<String>> STAGES = new LinkedHashMap<>();
  private static final Map<String, String> PARENTS = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    String joined = Files.readString(ROOT.resolve("Dockerfile")).replaceAll("(?m)^\\s*#.*\\n", "")
        .replaceAll("\\\\\\n", " ");
    List<String> current = null;
    for (String line : joined.split("\\n")) {
      Matcher from = Pattern.compile("^FROM (\\S+) AS (\\S+)$").matcher(line.strip());
      if (from.matches()) {
        current = new ArrayList<>();
        STAGES.put(from.group(2), current);
        PARENTS.put(from.group(2), from.group(1));
      } else if (current != null && !line.isBlank()) {
        current.add(line.strip().replaceAll("\\s+", " "));
      }
    }
  }

  @Test
  void everyPomIsCopiedAndResolvedBeforeTheSources() throws IOException {
    List<String> build = STAGES.get("build");
    int resolve = indexOf(build, "RUN mvn -B -q de.qaware.maven:go-offline-maven-plugin:resolve-dependencies");
    int sources = indexOf(build, "COPY . .");
    int packaging = indexOf(build, "RUN mvn -B -o -q -DskipTests package");
    assertThat(resolve).isPositive().isLessThan(sources);
    assertThat(sources).isLessThan(packaging);
    List<String> beforeResolve = build.subList(0, resolve).stream().filter(l -> !l.startsWith("WORKDIR ")).toList();
    List<String> poms = new ArrayList<>(List.of("COPY pom.xml ./"));
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (module.find()) {
      poms.add("COPY " + module.group(1) + "/pom.xml " + module.group(1) + "/");
    }
    assertThat(poms).hasSizeGreaterThan(5);
    // Only poms before the dependency layer, else any source change would rebuild it; every module's, else
    // the plugin would not see its dependencies.
    assertThat(beforeResolve).containsExactlyInAnyOrderElementsOf(poms);
  }

  @Test
  void imagesRunAsAFixedUserWhoIsNotRoot() {
    for (String image : List.of("streams-app", "producer")) {
      String user = last(image, "USER ");
      assertThat(user).as(image).matches("USER [1-9][0-9]{3,}:[1-9][0-9]{3,}");
    }
    String uid = last("runtime", "USER ").substring("USER ".length()).split(":")[0];
    assertThat(last("runtime", "RUN groupadd")).contains("--uid " + uid)
        .contains("chown -R newsflow:newsflow /app/.newsflow /var/lib/newsflow");
  }

  @Test
  void imagesHaveAHealthCheckAndAContainerAwareHeap() {
    assertThat(last("streams-app", "HEALTHCHECK ")).contains("/dev/tcp/127.0.0.1/").contains("GET /health ");
    assertThat(last("producer", "HEALTHCHECK ")).contains("/dev/tcp/127.0.0.1/8090").contains("GET /health ");
    assertThat(last("producer", "ENTRYPOINT ")).contains("\"--http-port\", \"8090\"");
    for (String image : List.of("streams-app", "producer")) {
      assertThat(last(image, "ENV JAVA_TOOL_OPTIONS=")).as(image).contains("-XX:MaxRAMPercentage=");
      assertThat(last(image, "ENTRYPOINT ")).as(image).contains("\"-Dnewsflow.home=/app\"");
    }
    assertThat(last("streams-app", "ENV NEWSFLOW_HTTP_HOST=")).contains("KAFKA_STATE_DIR=/var/lib/newsflow/streams");
  }

  @Test
  void runtimeImagesHoldNoSeedsAndTheContextNoBuildOutput() throws IOException {
    for (String stage : List.of("runtime", "streams-app", "producer")) {
      assertThat(STAGES.get(stage)).as(stage).noneMatch(l -> l.startsWith("COPY") && l.contains("seeds"));
    }
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore")))
        .contains("**/target", "**/node_modules", ".newsflow", ".git");
  }

  /** The last instruction starting with {@code prefix} that a stage has, itself or from the stages below it. */
  private static String last(String stage, String prefix) {
    for (String s = stage; STAGES.containsKey(s); s = PARENTS.get(s)) {
      List<String> lines = STAGES.get(s);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith(prefix)) {
          return lines.get(i);
        }
      }
    }
    throw new AssertionError(stage + " has no " + prefix.strip());
  }

  private static int indexOf(List<String> lines, String line) {
    assertThat(lines).as("build stage").contains(line);
    return lines.indexOf(line);
  }
}
