package io.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerSummaryTest {

  @Test
  void formatGivesCountsThenOneIndentedLinePerFailure() {
    ProducerSummary summary = new ProducerSummary(4, 8, 7, List.of(
        new Failure("bad.json", "Unexpected character ('x' (code 120)) at line 1 column 5"),
        new Failure("feed.jsonl:7", "missing body (expected a non-empty body, content or text field)")),
        false, List.of());

    assertThat(summary.format()).isEqualTo("files: 4, records sent: 7, failures: 2\n"
        + "  bad.json: Unexpected character ('x' (code 120)) at line 1 column 5\n"
        + "  feed.jsonl:7: missing body (expected a non-empty body, content or text field)");
    assertThat(summary.succeeded()).isFalse();
  }

  @Test
  void dryRunSaysNothingWasSent() {
    ProducerSummary summary = new ProducerSummary(2, 3, 0, List.of(), true, List.of());

    assertThat(summary.format()).isEqualTo("dry run: files: 2, records read: 3 (not sent), failures: 0");
    assertThat(summary.succeeded()).isTrue();
  }

  @Test
  void skippedRecordsUnchangedFilesFeedPollsAndFailuresBeyondTheKeptOnesAreNamed() {
    ProducerSummary summary = new ProducerSummary(1, 10, 4, List.of(new Failure("https://example.org/feed.xml",
        "HTTP 503")), false, List.of(), 6, 3, 12, 5, false);

    assertThat(summary.format()).isEqualTo("files: 1, feed polls: 12, records sent: 4, skipped (already sent): 6,"
        + " unchanged files: 3, failures: 5\n"
        + "  https://example.org/feed.xml: HTTP 503\n"
        + "  ... and 4 more (see the log)");
    assertThat(summary.succeeded()).isFalse();
  }
}
