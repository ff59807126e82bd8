package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's logback.xml (not the tests' logback-test.xml) in a child JVM, as ./newsflow starts one: JSON lines
 * when NEWSFLOW_LOG_FORMAT or -Dnewsflow.log.format says json, the text layout otherwise.
 */
class LogFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void environmentVariableTurnsEveryLineIntoAJsonObject() throws Exception {
    assertJsonLines(run(Map.of("NEWSFLOW_LOG_FORMAT", "json"), List.of()));
  }

  @Test
  void systemPropertyTurnsEveryLineIntoAJsonObject() throws Exception {
    assertJsonLines(run(Map.of(), List.of("-Dnewsflow.log.format=json")));
  }

  @Test
  void systemPropertyWinsOverTheEnvironment() throws Exception {
    assertTextLines(run(Map.of("NEWSFLOW_LOG_FORMAT", "json"), List.of("-Dnewsflow.log.format=text")));
  }

  @Test
  void withoutTheSettingTheLayoutIsTheTextOneAsBefore() throws Exception {
    assertTextLines(run(Map.of(), List.of()));
  }

  private static void assertJsonLines(List<String> stderr) throws IOException {
    assertThat(stderr).hasSize(2);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : stderr) {
      JsonNode node = JSON.readTree(line);
      assertThat(node.isObject()).as(line).isTrue();
      assertThat(Instant.parse(node.path("@timestamp").asText())).as(line).isNotNull();
      assertThat(node.path("@timestamp").asText()).as("UTC").endsWith("Z");
      assertThat(node.path("logger_name").asText()).isEqualTo(LogFormatProbe.class.getName());
      assertThat(node.path("thread_name").asText()).isEqualTo("main");
      lines.add(node);
    }
    JsonNode warning = lines.get(0);
    assertThat(warning.path("level").asText()).isEqualTo("WARN");
    assertThat(warning.path("message").asText()).isEqualTo("event=probe-warning count=3");
    assertThat(warning.path("command").asText()).as("the MDC's key").isEqualTo("probe");
    assertThat(warning.has("stack_trace")).isFalse();
    JsonNode error = lines.get(1);
    assertThat(error.path("level").asText()).isEqualTo("ERROR");
    assertThat(error.path("message").asText()).isEqualTo("event=probe-failure reason=\"broker gone\"");
    assertThat(error.has("command")).isFalse();
    assertThat(error.path("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: broker gone")
        .contains("at io.newsflow.cli.LogFormatProbe.main");
  }

  private static void assertTextLines(List<String> stderr) {
    assertThat(stderr).isNotEmpty();
    assertThat(stderr.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  LogFormatProbe event=probe-warning count=3");
    assertThat(stderr.get(1)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR LogFormatProbe event=probe-failure "
        + "reason=\"broker gone\"");
    assertThat(stderr.get(2)).isEqualTo("java.lang.IllegalStateException: broker gone");
  }

  /** The probe's stderr lines; its stdout must be only its own output, whatever the layout. */
  private List<String> run(Map<String, String> environment, List<String> jvmOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + launcherConfig()));
    command.addAll(jvmOptions);
    command.add(LogFormatProbe.class.getName());
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("NEWSFLOW_LOG_FORMAT");
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly(LogFormatProbe.STDOUT);
    return Files.readAllLines(err, StandardCharsets.UTF_8);
  }

  /** cli/src/main/resources/logback.xml as the build copied it: what the launcher jar holds. */
  private static Path launcherConfig() throws URISyntaxException {
    return Path.of(LogFormatTest.class.getResource("/logback.xml").toURI());
  }
}
