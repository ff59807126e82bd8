package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsflow demo --once} on the repository's seeds, as a new user runs it: real broker, registry, streams
 * app and producer. The seed article's window must list its new proper nouns whole.
 */
class DemoIT {

  @TempDir
  Path dataDir;

  @Test
  void demoOnTheSeedsPrintsTheSeedsProperNounsWholeAndExits() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Newsflow()).execute("demo", "--once", "--kafka-port", "0", "--registry-port", "0",
          "--http-port", "0",
          "--data-dir", dataDir.toString(), "--input", Path.of("..", "seeds").toString(), "--timeout", "PT2M");
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(output).isEqualTo(ExitCodes.OK);
    assertThat(output).containsPattern("(?m)^Dashboard: +http://127\\.0\\.0\\.1:\\d+/$")
        .contains("files: 5, records sent: 7, failures: 0")
        .contains("articles: 5 unique, 2 duplicates, 0 dead letters");
    List<String> seedWindow = keywordsOfWindow(output, "window 2025-02-24 08:00 - 09:00 UTC");
    assertThat(seedWindow).contains("딥시크", "알리바바", "바이트댄스", "AI", "중국", "미국", "한국")
        .doesNotContain("딥시크가", "딥", "시크", "바이트", "댄스", "바이트댄스가");
  }

  /**
   * The keyword column of one window's table in the demo's output: rows are rank, keyword, articles, expected,
   * score (and a * when trending), separated by two spaces or more; a keyword has at most single spaces.
   */
  private static List<String> keywordsOfWindow(String output, String header) {
    int start = output.indexOf(header);
    assertThat(start).as("window %s in:%n%s", header, output).isNotNegative();
    String table = output.substring(start);
    int end = table.indexOf("\n\n", header.length());
    return Arrays.stream((end < 0 ? table : table.substring(0, end)).split("\n"))
        .skip(2)
        .map(String::trim)
        .filter(line -> line.matches("\\d+\\s{2,}.+"))
        .map(line -> line.split("\\s{2,}")[1])
        .toList();
  }
}
