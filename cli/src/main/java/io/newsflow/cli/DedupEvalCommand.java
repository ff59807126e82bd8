package io.newsflow.cli;

import io.newsflow.avro.Article;
import io.newsflow.avro.DuplicateKind;
import io.newsflow.avro.RawArticle;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.producer.source.SourceBatch;
import io.newsflow.streams.dedup.NearRules;
import io.newsflow.streams.dedup.OfflineDedup;
import io.newsflow.streams.normalize.ArticleNormalizer;
import io.newsflow.streams.support.EventTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow dedup-eval DIR...}: which articles the pipeline would call duplicates, and why, offline,
 * through the same reader, normalizer, match keys, rules and verdicts as the running pipeline, for people
 * tuning deduplication.
 */
@Command(name = "dedup-eval", mixinStandardHelpOptions = true,
    description = "Prints the pairs of articles the pipeline would call duplicates (kind, SimHash distance,"
        + " containment, resemblance), without Kafka.")
final class DedupEvalCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or directories.")
  List<Path> inputs;

  @Option(names = "--max-distance", description = "SimHash distance that is a near duplicate (default: 3).")
  Integer maxDistance;

  @Option(names = "--min-containment",
      description = "Containment of the smaller text in the larger that is a near duplicate (default: 0.9).")
  Double minContainment;

  @Option(names = "--min-resemblance",
      description = "Resemblance the containment rule also needs (default: 0.5).")
  Double minResemblance;

  @Option(names = "--retention", defaultValue = "P7D",
      description = "Articles further apart in event time are never compared (default: ${DEFAULT-VALUE}).")
  Duration retention;

  @Option(names = "--show-near", paramLabel = "N", defaultValue = "0",
      description = "Also print the N closest pairs that are not duplicates.")
  int showNear;

  @Option(names = "--summary", description = "Print the totals only.")
  boolean summaryOnly;

  @Override
  public Integer call() {
    NearRules defaults = NearRules.DEFAULTS;
    NearRules rules = new NearRules(maxDistance != null ? maxDistance : defaults.maxDistance(),
        minContainment != null ? minContainment : defaults.minContainment(),
        minResemblance != null ? minResemblance : defaults.minResemblance());
    // The producer's reader, not a producer run: a run skips a second record with an id it already sent,
    // and a revision is exactly that.
    SourceBatch read = ArticleSource.of(inputs).readAll();
    ArticleNormalizer normalizer = new ArticleNormalizer();
    OfflineDedup dedup = new OfflineDedup(rules, retention);
    Map<String, String> titles = new HashMap<>();
    long now = System.currentTimeMillis();
    int failed = 0;
    for (RawArticle raw : read.articles()) {
      try {
        Article article = normalizer.normalize(raw);
        titles.putIfAbsent(article.getId(), article.getTitle());
        dedup.add(article, EventTime.of(article, now));
      } catch (RuntimeException e) {
        failed++;
        System.out.printf("%s  cannot normalize: %s%n", raw.getSource(), e.getMessage());
      }
    }
    OfflineDedup.Result result = dedup.run();
    Map<DuplicateKind, Integer> byKind = new EnumMap<>(DuplicateKind.class);
    for (OfflineDedup.Verdict verdict : result.duplicates()) {
      byKind.merge(verdict.kind(), 1, Integer::sum);
      if (!summaryOnly) {
        System.out.printf("%-13s %s  of  %s  %s%n    %s%n    %s%n", verdict.kind(), verdict.id(), verdict.duplicateOf(),
            evidence(verdict.simhashDistance(), verdict.containment(), verdict.resemblance()),
            titles.get(verdict.id()), titles.get(verdict.duplicateOf()));
      }
    }
    if (showNear > 0) {
      System.out.printf("%nclosest pairs that are not duplicates:%n");
      for (OfflineDedup.NearMiss miss : dedup.nearMisses(showNear, result)) {
        System.out.printf("%-13s %s  ~  %s  %s%n    %s%n    %s%n", "not-duplicate", miss.id(), miss.otherId(),
            evidence(miss.distance(), miss.containment(), miss.resemblance()),
            titles.get(miss.id()), titles.get(miss.otherId()));
      }
    }
    System.out.printf("%narticles: %d read, %d normalized, %d counted; duplicates: %d (%s); rules: distance <= %d,"
            + " or containment >= %.2f with resemblance >= %.2f%n",
        read.articles().size(), read.articles().size() - failed, result.counted().size(), result.duplicates().size(),
        kinds(byKind), rules.maxDistance(), rules.minContainment(), rules.minResemblance());
    read.failures().forEach(f -> System.out.printf("%s  cannot read: %s%n", f.origin(), f.reason()));
    return failed == 0 && read.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  private static String evidence(int distance, double containment, double resemblance) {
    return String.format(Locale.ROOT, "distance=%d containment=%.2f resemblance=%.2f", distance, containment,
        resemblance);
  }

  private static String kinds(Map<DuplicateKind, Integer> byKind) {
    StringBuilder out = new StringBuilder();
    for (DuplicateKind kind : DuplicateKind.values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(kind).append(' ').append(byKind.getOrDefault(kind, 0));
    }
    return out.toString();
  }
}
