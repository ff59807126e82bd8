package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every long-running command stops cleanly on SIGINT (Ctrl-C) and SIGTERM (an orchestrator) within 10 s, with
 * the JVM's exit code for a stop by that signal once its shutdown hooks are done (130, 143): {@code local}, {@code stream} and {@code produce --follow}, each as a child process of the
 * packaged jar.
 */
class SignalsIT {

  @TempDir
  Path dir;

  @Test
  void localStreamAndFollowingProduceStopWithinTenSeconds() throws Exception {
    int kafka = freePort();
    int registry = freePort();
    List<String> cluster = List.of("--bootstrap-servers", "localhost:" + kafka, "--schema-registry-url",
        "http://localhost:" + registry);
    Process local = start("local", "local", "--data-dir", dir.resolve("kafka").toString(), "--kafka-port",
        Integer.toString(kafka), "--registry-port", Integer.toString(registry));
    try {
      awaitLog("local", "Ctrl-C stops both");
      for (String signal : List.of("TERM", "INT")) {
        List<String> stream = new ArrayList<>(List.of("stream", "--http-port", "0", "-D",
            "state.dir=" + dir.resolve("state-" + signal)));
        stream.addAll(cluster);
        Process app = start("stream-" + signal, stream.toArray(String[]::new));
        awaitLog("stream-" + signal, "newsflow streams app running");
        assertStopsOn(signal, app, "stream-" + signal);
      }
      Path followed = Files.createDirectories(dir.resolve("followed"));
      Files.writeString(followed.resolve("a.jsonl"),
          "{\"id\":\"a\",\"title\":\"A title\",\"body\":\"A body of text.\"}\n", StandardCharsets.UTF_8);
      for (String signal : List.of("TERM", "INT")) {
        List<String> produce = new ArrayList<>(List.of("produce", "--follow", "--no-progress", "--state",
            dir.resolve("state-" + signal + ".json").toString()));
        produce.addAll(cluster);
        produce.add(followed.toString());
        Process producer = start("produce-" + signal, produce.toArray(String[]::new));
        // The state file is written once the record is acknowledged.
        Path state = dir.resolve("state-" + signal + ".json");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
            .until(() -> Files.exists(state) && Files.size(state) > 0);
        assertStopsOn(signal, producer, "produce-" + signal);
      }
      assertStopsOn("INT", local, "local");
    } finally {
      local.destroyForcibly();
    }
  }

  private Process start(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", StreamProcess.JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  private void awaitLog(String name, String text) {
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8).contains(text));
  }

  private void assertStopsOn(String signal, Process process, String name) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    long start = System.nanoTime();
    boolean exited = process.waitFor(10, TimeUnit.SECONDS);
    String log = Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
    assertThat(exited).as("%s stopped within 10 s of SIG%s; log:%n%s", name, signal, log).isTrue();
    // A JVM stopped by a signal exits 128 + its number once its shutdown hooks are done.
    assertThat(process.exitValue()).as("%s exit code after SIG%s (%d ms)", name, signal,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isIn(0, signal.equals("TERM") ? 143 : 130);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
