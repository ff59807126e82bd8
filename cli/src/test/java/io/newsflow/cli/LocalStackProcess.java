package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code newsflow local} (broker and registry) as a child process on fixed ports and one data directory, so
 * that a test can SIGKILL it and start it again where it was. Its output is appended to {@code local.log}.
 */
final class LocalStackProcess {

  private final Path dir;
  private final int kafkaPort;
  private final int registryPort;
  private Process process;

  LocalStackProcess(Path dir) throws IOException {
    this.dir = dir;
    this.kafkaPort = freePort();
    this.registryPort = freePort();
  }

  String bootstrapServers() {
    return "localhost:" + kafkaPort;
  }

  String registryUrl() {
    return "http://localhost:" + registryPort;
  }

  Path log() {
    return dir.resolve("local.log");
  }

  /** Starts the stack and waits until it says it runs. */
  void start() throws IOException {
    File log = log().toFile();
    process = new ProcessBuilder(java(), "-jar", StreamProcess.JAR.toAbsolutePath().toString(), "local",
        "--data-dir", dir.resolve("kafka").toString(), "--kafka-port", Integer.toString(kafkaPort),
        "--registry-port", Integer.toString(registryPort))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    long starts = countStarts();
    await().atMost(Duration.ofMinutes(1)).until(() -> countStarts() > starts || !process.isAlive());
    assertThat(process.isAlive()).as("local stack started; see %s", log).isTrue();
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private long countStarts() throws IOException {
    if (!Files.exists(log())) {
      return 0;
    }
    String text = Files.readString(log(), StandardCharsets.UTF_8);
    return text.split("Ctrl-C stops both", -1).length - 1;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
