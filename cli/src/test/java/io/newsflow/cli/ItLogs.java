package io.newsflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Child processes' logs copied out of a test's temporary directory, for a failure to be read afterwards. */
final class ItLogs {

  private ItLogs() {
  }

  /** Copies the logs that exist to {@code target/it-logs/<test class>/}. */
  static void keep(Class<?> test, List<Path> logs) throws IOException {
    Path kept = Files.createDirectories(Path.of("target", "it-logs", test.getSimpleName()));
    for (Path log : logs) {
      if (Files.exists(log)) {
        Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
