package io.newsflow.streams.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.streams.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same two thousand stories (a generated newswire with every kind of duplicate, over five days) through the
 * real app on a real broker, with news.raw of 1, 3 and 6 partitions, each in another order (as generated, and
 * shuffled), two stream threads: the final notices and counts equal the oracle's, every one.
 */
class ArrivalOrderIT {

  @RegisterExtension
  static final LocalStackExtension stack = new LocalStackExtension();

  static final Instant START = Instant.parse("2024-11-04T00:00:00Z");
  static final List<RawArticle> NEWSWIRE = SyntheticNews.generate(1700, 42, START, Duration.ofDays(5));

  @TempDir
  Path stateDir;

  @ParameterizedTest(name = "{0} partitions, shuffle {1}")
  @CsvSource({"1, 1", "3, 0", "3, 3", "6, 6"})
  void finalNoticesAndCountsEqualTheOracle(int partitions, long shuffle) {
    List<RawArticle> order = new ArrayList<>(NEWSWIRE);
    if (shuffle != 0) {
      Collections.shuffle(order, new Random(shuffle));
    }
    PipelineRun run = new PipelineRun("order-" + partitions + "-" + shuffle, stack.bootstrapServers(),
        stack.schemaRegistryUrl(), partitions);
    run.config().put("state.dir", stateDir.toString());
    run.config().put("num.stream.threads", "2");
    Oracle.Plan expected = run.expected(NEWSWIRE);
    assertThat(NEWSWIRE).hasSizeGreaterThanOrEqualTo(2000);
    assertThat(expected.notices()).hasSizeGreaterThan(300);

    try (StreamsApp app = StreamsApp.start(run.config())) {
      run.produce(order);
      PipelineResult observed = run.awaitEqual(expected, Duration.ofMinutes(3));
      assertThat(observed.notices()).isEqualTo(expected.notices());
      // The learned keyword model was at work: versions published (one per 500 counted articles) and used, the
      // oracle replaying each article with the version it recorded.
      ModelHistory history = run.modelHistory();
      assertThat(history.models()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(history.versionOf()).as("articles extracted with a learned version").isNotEmpty();
    }
  }
}
