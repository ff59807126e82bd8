package io.newsflow.cli;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.SentVersions;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.producer.source.SourceBatch;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.verify.Differences;
import io.newsflow.streams.verify.ModelHistory;
import io.newsflow.streams.verify.Oracle;
import io.newsflow.streams.verify.PipelineOutput;
import io.newsflow.streams.verify.PipelineResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow verify INPUTS...}: compares what the running pipeline published with what the offline
 * oracle computes for the same inputs, and prints every difference. Exit 0 only when there is none.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "Reads news.duplicates and news.trends (read_committed) and prints every id whose final duplicate notice,"
            + " and every window and keyword whose final count, differs from the offline oracle's for INPUTS.",
        "Give it the same -D newsflow.* settings as the streams app (windows, dedup rules).",
        "Exit codes: 0 no difference, 1 differences (or the topics could not be read), 2 usage,"
            + " 3 some inputs could not be read."})
final class VerifyCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "The article files or directories produced.")
  List<Path> inputs;

  @Option(names = "--wait", defaultValue = "0s", converter = DurationConverter.class,
      description = "Read again until there is no difference or this time has passed, for a pipeline still"
          + " working (default: ${DEFAULT-VALUE}: read once).")
  Duration wait;

  @Option(names = "--max-lines", defaultValue = "200",
      description = "Print at most this many differences (default: ${DEFAULT-VALUE}).")
  int maxLines;

  @Mixin
  ClusterOptions cluster;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> config = cluster.resolve();
    StreamsSettings settings = StreamsSettings.from(config);
    SourceBatch read = asSent(inputs);
    List<RawArticle> articles = read.articles();
    try (Oracle.Plan plan = Oracle.plan(articles, settings, System.currentTimeMillis())) {
      return compare(config, settings, read, plan);
    }
  }

  /** What a {@code produce} run of the same inputs sends: per input, each unchanged item once. */
  private static SourceBatch asSent(List<Path> inputs) {
    int files = 0;
    List<RawArticle> articles = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (Path input : inputs) {
      SourceBatch one = ArticleSource.of(List.of(input)).readAll();
      files += one.filesRead();
      articles.addAll(SentVersions.sentOnce(one.articles()));
      failures.addAll(one.failures());
    }
    return new SourceBatch(files, articles, failures);
  }

  private int compare(Map<String, String> config, StreamsSettings settings, SourceBatch read, Oracle.Plan plan)
      throws InterruptedException {
    Oracle.Expected alone = plan.expected(ModelHistory.NONE);
    System.out.printf("oracle: %d articles, %d dead letters, %d counted, %d duplicate notices, %d windows%n",
        read.articles().size(), alone.rejected().size(), alone.counted(), alone.result().notices().size(),
        alone.result().counts().size());
    alone.rejected().stream().limit(5).forEach(r -> System.out.printf("  dead letter %s: %s%n", r.id(), r.reason()));
    read.failures().forEach(f -> System.out.printf("%s  cannot read: %s%n", f.origin(), f.reason()));

    OutputReaders readers = OutputReaders.of(config, "newsflow-verify");
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      // Each article is replayed with the keyword model version it recorded (see io.newsflow.streams.learn).
      ModelHistory history = PipelineOutput.readModels(readers.clients(), readers.serde(), settings.topics(),
          Duration.ofSeconds(60));
      PipelineResult observed = PipelineOutput.read(readers.clients(), readers.serde(), settings.topics(),
          Duration.ofSeconds(60));
      List<String> differences = new ArrayList<>(history.problems());
      differences.addAll(Differences.between(plan.expected(history).result(), observed));
      if (differences.isEmpty() || System.nanoTime() >= deadline) {
        System.out.printf("pipeline: %d duplicate notices, %d windows, %d keyword model versions%n",
            observed.notices().size(), observed.counts().size(), history.models().size());
        differences.stream().limit(maxLines).forEach(System.out::println);
        if (differences.size() > maxLines) {
          System.out.printf("... and %d more%n", differences.size() - maxLines);
        }
        System.out.printf("differences: %d%n", differences.size());
        if (!differences.isEmpty()) {
          return ExitCodes.FAILED;
        }
        return read.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
      }
      Thread.sleep(1000);
    }
  }
}
