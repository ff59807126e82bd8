package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.ProducerProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void terminalLineNamesTheCountsRateAndElapsedTime() {
    ProgressReporter reporter = ProgressReporter.start(() -> progress(0, 0), out, true, Duration.ofSeconds(10));
    reporter.close();

    String line = reporter.line(new ProducerProgress(Duration.ofSeconds(65), 3, 120, 118, 40, 2, 9, 7));

    assertThat(line).isEqualTo("read 120 | sent 118 | skipped 40 | failed 2 | 1.8/s | polls 9 (7 not modified) | 0:01:05");
  }

  @Test
  void logLineIsKeyValuePairs() {
    ProgressReporter reporter = ProgressReporter.start(() -> progress(0, 0), out, false, Duration.ofSeconds(10));
    reporter.close();

    String line = reporter.keyValues(new ProducerProgress(Duration.ofSeconds(10), 3, 50, 40, 5, 1, 0, 0));

    assertThat(line).isEqualTo(
        "files=3 read=50 sent=40 skipped=5 failed=1 feed_polls=0 not_modified=0 rate=4.0/s elapsed=0:00:10");
  }

  @Test
  void rateFollowsTheLastFewSecondsNotTheWholeRun() {
    ProgressReporter reporter = ProgressReporter.start(() -> progress(0, 0), out, false, Duration.ofSeconds(10));
    reporter.close();

    reporter.keyValues(progress(100, 1000));
    reporter.keyValues(progress(102, 1000));
    String line = reporter.keyValues(progress(104, 1040));

    assertThat(line).contains("rate=10.0/s");
  }

  @Test
  void terminalReporterEndsWithTheFinalLineOnItsOwnLine() {
    ProgressReporter reporter = ProgressReporter.start(() -> progress(1, 5), out, true, Duration.ofSeconds(10));

    reporter.close();

    String written = bytes.toString(StandardCharsets.UTF_8);
    assertThat(written).startsWith("\r").endsWith("\rread 5 | sent 5 | skipped 0 | failed 0 | 5.0/s | 0:00:01\n");
  }

  private static ProducerProgress progress(long seconds, long sent) {
    return new ProducerProgress(Duration.ofSeconds(seconds), 1, sent, sent, 0, 0, 0, 0);
  }
}
