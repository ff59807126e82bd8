package io.newsflow.cli;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code newsflow stream} as a child process from the packaged jar, as an operator runs it, so that a test can
 * kill it for real: SIGKILL ({@link Process#destroyForcibly}) or SIGTERM ({@link Process#destroy}). Its output
 * goes to a log file per instance, appended across restarts.
 */
final class StreamProcess {

  static final Path JAR = Path.of("target", "newsflow.jar");

  private final Path dir;
  private final List<String> command = new ArrayList<>();
  private Process process;
  private long logOffset;

  StreamProcess(Path dir, String bootstrapServers, String registryUrl, Map<String, String> settings) {
    this.dir = dir;
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", JAR.toAbsolutePath().toString(), "stream", "--bootstrap-servers", bootstrapServers,
        "--schema-registry-url", registryUrl, "--http-port", "0"));
    settings.forEach((key, value) -> {
      if (!key.equals("bootstrap.servers") && !key.equals("schema.registry.url")) {
        command.add("-D");
        command.add(key + "=" + value);
      }
    });
    command.add("-D");
    command.add("state.dir=" + dir.resolve("state"));
  }

  StreamProcess start() {
    try {
      Files.createDirectories(dir);
      File log = dir.resolve("stream.log").toFile();
      logOffset = log.exists() ? log.length() : 0;
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
      // Kafka's own warnings (a broker gone, a request refused) belong in the log a failed test leaves.
      builder.environment().put("NEWSFLOW_KAFKA_LOG_LEVEL", "WARN");
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Process process() {
    return process;
  }

  Path log() {
    return dir.resolve("stream.log");
  }

  /**
   * The base URL of this run's operator API (http://127.0.0.1:PORT), from the line the command prints once the
   * app runs; waits for it.
   */
  String apiUrl() {
    Pattern line = Pattern.compile("API at (http://[^/ ]+)/");
    return await().atMost(Duration.ofMinutes(2)).until(() -> {
      byte[] all = Files.readAllBytes(log());
      Matcher m = line.matcher(new String(all, (int) Math.min(logOffset, all.length),
          all.length - (int) Math.min(logOffset, all.length), StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : null;
    }, url -> url != null);
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
