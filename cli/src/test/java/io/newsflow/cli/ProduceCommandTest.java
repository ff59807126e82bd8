package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.Failure;
import io.newsflow.producer.ProducerSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProduceCommandTest {

  @TempDir
  Path temp;

  @Test
  void dryRunPrintsEachRecordAsAJsonLineOnStdoutAndTheSummaryOnStderr() throws IOException {
    Path file = Files.writeString(temp.resolve("a.jsonl"),
        "{\"id\": \"one\", \"body\": \"본문\"}\n{\"id\": \"two\", \"body\": \"둘째\"}\n");

    Result result = execute("produce", "--dry-run", "--no-progress", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"id\":\""));
    assertThat(result.out().lines().toList().get(1)).startsWith("{\"id\":\"two\",");
    assertThat(result.err()).endsWith("dry run: files: 1, records read: 2 (not sent), failures: 0\n");
  }

  @Test
  void someInputsFailingIsAPartialRun() throws IOException {
    Path file = Files.writeString(temp.resolve("a.jsonl"), "{\"id\": \"one\", \"body\": \"본문\"}\nnot json\n");

    Result result = execute("produce", "--dry-run", "--no-progress", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(result.err()).contains("failures: 1\n  " + file + ":2: ");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(execute("produce", "--dry-run", "http://").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(execute("produce", "--dry-run", "--poll-interval", "soon", "x").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(execute("produce", "--dry-run", "-", "-").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aRunStoppedBecauseNothingCouldBeSentFailsWhateverElseWentThrough() {
    ProducerSummary stopped = new ProducerSummary(1, 2, 1, List.of(new Failure("topic news.raw", "run stopped")),
        false, List.of(), 0, 0, 0, 1, true);
    ProducerSummary partial = new ProducerSummary(1, 2, 1, List.of(new Failure("a.json", "bad")), false, List.of());
    ProducerSummary ok = new ProducerSummary(1, 2, 2, List.of(), false, List.of());

    assertThat(ProduceCommand.exitCode(stopped)).isEqualTo(ExitCodes.FAILED);
    assertThat(ProduceCommand.exitCode(partial)).isEqualTo(ExitCodes.PARTIAL);
    assertThat(ProduceCommand.exitCode(ok)).isEqualTo(ExitCodes.OK);
  }

  private record Result(int code, String out, String err) {}

  private static Result execute(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new Newsflow()).execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }
}
