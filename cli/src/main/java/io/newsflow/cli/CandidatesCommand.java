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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow keyword-candidates PATH...}: the frequent Korean words of a corpus that Nori does not know,
 * most frequent first, as lines of a user dictionary, for an operator extending
 * {@code newsflow.keywords.user-dictionary}. Offline, through the same reader, normalizer and extractor as the
 * pipeline.
 *
 * <p>{@code newsflow keyword-candidates --learned}: the nouns the running app has learned from its stream (the
 * latest version on news.keyword-model) and the operators' decisions; {@code --keep WORD}, {@code --drop WORD}
 * and {@code --forget WORD} write decisions to news.keyword-decisions, which the next version applies.
 */
@Command(name = "keyword-candidates", mixinStandardHelpOptions = true,
    description = {"Prints the frequent Korean words Nori does not know, as candidate user-dictionary entries.",
        "With --learned, --keep, --drop or --forget: lists or decides on the nouns the running app learned."})
final class CandidatesCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Article files or directories.")
  List<Path> inputs = List.of();

  @Option(names = "--learned", description = "List the nouns the running app learned (news.keyword-model).")
  boolean learned;

  @Option(names = "--keep", paramLabel = "WORD", description = "Keep WORD as a noun, learned or not.")
  List<String> keep = List.of();

  @Option(names = "--drop", paramLabel = "WORD", description = "Never use WORD as a learned noun.")
  List<String> drop = List.of();

  @Option(names = "--forget", paramLabel = "WORD", description = "Take back a keep or drop decision on WORD.")
  List<String> forget = List.of();

  @Mixin
  ClusterOptions cluster;

  @Spec
  CommandSpec spec;

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
  public Integer call() throws Exception {
    boolean decide = !keep.isEmpty() || !drop.isEmpty() || !forget.isEmpty();
    if (learned || decide) {
      if (!inputs.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "PATH and --learned/--keep/--drop/--forget do not mix");
      }
      LearnedNouns nouns = new LearnedNouns(cluster.resolve());
      if (decide) {
        nouns.decide(keep, drop, forget);
      }
      if (learned) {
        nouns.print(top);
      }
      return ExitCodes.OK;
    }
    if (inputs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give PATH..., or --learned, --keep, --drop or --forget");
    }
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
