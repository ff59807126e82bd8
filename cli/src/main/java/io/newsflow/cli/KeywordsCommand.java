package io.newsflow.cli;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.streams.keywords.Keyword;
import io.newsflow.streams.keywords.KeywordExtractor;
import io.newsflow.streams.normalize.ArticleNormalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow keywords FILE...}: the keywords the pipeline would extract, offline, through the same reader,
 * normalizer and extractor as the running pipeline, for people tuning them.
 */
@Command(name = "keywords", mixinStandardHelpOptions = true,
    description = "Prints the keywords the pipeline would extract from articles, without Kafka.")
final class KeywordsCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files or directories.")
  List<Path> inputs;

  @Option(names = "--limit", defaultValue = "20", description = "Keywords per article (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    ProducerSummary read = ProducerRun.dryRun().run(inputs);
    ArticleNormalizer normalizer = new ArticleNormalizer();
    int failed = 0;
    try (KeywordExtractor extractor = new KeywordExtractor()) {
      for (RawArticle raw : read.records()) {
        try {
          Article article = normalizer.normalize(raw);
          List<Keyword> keywords = extractor.extract(article.getTitle(), article.getBody(), article.getLanguage());
          System.out.printf("%s  [%s] %s%n  %s%n", raw.getSource(), article.getLanguage(), article.getTitle(),
              keywords.stream().limit(limit).map(k -> k.display() + " (" + k.count() + ")")
                  .collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
          failed++;
          System.out.printf("%s  cannot normalize: %s%n", raw.getSource(), e.getMessage());
        }
      }
    }
    read.failures().forEach(f -> System.out.printf("%s  cannot read: %s%n", f.origin(), f.reason()));
    return failed == 0 && read.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }
}
