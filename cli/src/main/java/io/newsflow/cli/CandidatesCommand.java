package io.newsflow.cli;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.cli.bench.CorpusLines;
import io.newsflow.producer.ProducerRun;
import io.newsflow.producer.ProducerSummary;
import io.newsflow.streams.keywords.KeywordCandidates;
import io.newsflow.streams.keywords.KeywordConfig;
import io.newsflow.streams.normalize.ArticleNormalizer;
import io.newsflow.streams.normalize.LanguageDetector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow keyword-candidates PATH...}: the frequent Korean words of a corpus that Nori does not know,
 * most frequent first, as lines of a user dictionary, for an operator extending
 * {@code newsflow.keywords.user-dictionary}. Offline, through the same reader, normalizer and extractor as the
 * pipeline.
 */
@Command(name = "keyword-candidates", mixinStandardHelpOptions = true,
    description = "Prints the frequent Korean words Nori does not know, as candidate user-dictionary entries.")
final class CandidatesCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or directories.")
  List<Path> inputs;

  @Option(names = "--lines", description = "Read text files as one article per line (.txt files of directories).")
  boolean lines;

  @Option(names = "--min-count", defaultValue = "2",
      description = "Leave out words seen fewer times (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--top", defaultValue = "50", description = "Print at most this many (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--user-dictionary", paramLabel = "PATH|none",
      description = "The user dictionary whose words are known already (default: the shipped one).")
  String userDictionary;

  @Override
  public Integer call() {
    KeywordConfig config = userDictionary == null
        ? KeywordConfig.defaults()
        : KeywordConfig.from(Map.of(KeywordConfig.USER_DICTIONARY, userDictionary));
    int read = 0;
    int failures = 0;
    try (KeywordCandidates candidates = new KeywordCandidates(config)) {
      if (lines) {
        for (CorpusLines.Line line : CorpusLines.read(inputs)) {
          read++;
          if (LanguageDetector.KOREAN.equals(LanguageDetector.detect(line.text()))) {
            candidates.add("", line.text());
          }
        }
      } else {
        ProducerSummary summary = ProducerRun.dryRun().run(inputs);
        ArticleNormalizer normalizer = new ArticleNormalizer();
        for (RawArticle raw : summary.records()) {
          read++;
          try {
            Article article = normalizer.normalize(raw);
            if (LanguageDetector.KOREAN.equals(article.getLanguage())) {
              candidates.add(article.getTitle(), article.getBody());
            }
          } catch (RuntimeException e) {
            failures++;
            System.err.printf("newsflow: %s cannot be normalized: %s%n", raw.getSource(), e.getMessage());
          }
        }
        summary.failures().forEach(f -> System.err.printf("newsflow: %s cannot be read: %s%n", f.origin(),
            f.reason()));
        failures += summary.failures().size();
      }
      List<KeywordCandidates.Candidate> ranked = candidates.ranked(minCount);
      System.out.printf("# newsflow keyword-candidates: %d articles read, %d in Korean; user dictionary: %s"
          + " (%d entries)%n", read, candidates.articles(), config.userDictionaryName(),
          config.userDictionaryEntries());
      System.out.printf(
          "# Words Nori does not know with at least %d occurrences: %d; the %d most frequent follow.%n",
          minCount, ranked.size(), Math.min(top, ranked.size()));
      System.out.println("# Each line is a Nori user-dictionary entry; keep those you agree with and add them to"
          + " the file newsflow.keywords.user-dictionary names.");
      ranked.stream().limit(top).forEach(c -> System.out.println(c.dictionaryLine()));
    }
    return failures == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
  }
}
