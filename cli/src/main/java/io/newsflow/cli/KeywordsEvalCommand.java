package io.newsflow.cli;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import io.newsflow.cli.bench.CorpusLines;
import io.newsflow.cli.eval.JudgedSources;
import io.newsflow.cli.eval.Judgements;
import io.newsflow.cli.eval.KeywordScore;
import io.newsflow.producer.ProducerRun;
import io.newsflow.streams.config.StreamsSettings;
import io.newsflow.streams.keywords.Keyword;
import io.newsflow.streams.keywords.KeywordExtractor;
import io.newsflow.streams.keywords.KeywordsProcessor;
import io.newsflow.streams.keywords.LearnedModel;
import io.newsflow.streams.learn.OfflineLearner;
import io.newsflow.streams.normalize.ArticleNormalizer;
import io.newsflow.streams.normalize.LanguageDetector;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow keywords-eval JUDGEMENTS.json}: the pipeline's top keywords of each judged article (same
 * normalizer and extractor as the running app) against an editor's judgement: precision@10, recall of the
 * must-have keywords, junk tokens; then the totals. Exit 0, or 1 when {@code --min-precision} or
 * {@code --min-recall} is not reached or junk is found with {@code --no-junk}.
 */
@Command(name = "keywords-eval", mixinStandardHelpOptions = true,
    description = "Scores the extracted keywords against a judgement set: precision@10, must-have recall, junk.")
public final class KeywordsEvalCommand implements Callable<Integer> {

  @Parameters(paramLabel = "JUDGEMENTS.json", description = "The judgement set (eval/keywords/judgements.json).")
  Path judgements;

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${sys:newsflow.home:-.}/../shared/corpora",
      description = "Where corpus references are read from (default: ${DEFAULT-VALUE}); missing ones are skipped.")
  Path corpus;

  @Option(names = "--top", defaultValue = "10", description = "Keywords judged per article (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--shipped-only", description = "Only the articles whose text the repository ships.")
  boolean shippedOnly;

  @Option(names = "--min-precision", defaultValue = "0", description = "Fail below this micro precision@10.")
  double minPrecision;

  @Option(names = "--min-recall", defaultValue = "0", description = "Fail below this must-have recall.")
  double minRecall;

  @Option(names = "--no-junk", description = "Fail when any top keyword is junk.")
  boolean noJunk;

  @Option(names = "--learn-from", paramLabel = "PATH", split = ",",
      description = "First learn a keyword model from these articles, as the running app learns from its stream"
          + " (without decay), and extract with it.")
  List<Path> learnFrom = List.of();

  @Option(names = "--learn-lines", description = "Read --learn-from text files as one article per line.")
  boolean learnLines;

  @Option(names = "--quiet", description = "Print the totals only.")
  boolean quiet;

  /** Totals of one run. */
  public record Totals(int articles, int skipped, int shown, int accepted, int must, int mustFound, int junk,
                       double macroPrecision) {

    public double precision() {
      return shown == 0 ? 0 : (double) accepted / shown;
    }

    public double mustRecall() {
      return must == 0 ? 1 : (double) mustFound / must;
    }
  }

  @Override
  public Integer call() {
    Totals totals = evaluate();
    boolean ok = totals.precision() >= minPrecision && totals.mustRecall() >= minRecall
        && !(noJunk && totals.junk() > 0);
    return ok ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** Scores every article it can read and prints the report. */
  public Totals evaluate() {
    Judgements set = Judgements.read(judgements);
    JudgedSources sources = new JudgedSources(corpus);
    ArticleNormalizer normalizer = new ArticleNormalizer();
    List<String> skipped = new ArrayList<>();
    int articles = 0;
    int shown = 0;
    int accepted = 0;
    int must = 0;
    int mustFound = 0;
    int junk = 0;
    double precisionSum = 0;
    try (KeywordExtractor extractor = new KeywordExtractor()) {
      LearnedModel model = learnFrom.isEmpty() ? LearnedModel.NONE : learn(extractor, normalizer);
      for (Judgements.Judged judged : set.articles()) {
        if (shippedOnly && !judged.shipped()) {
          continue;
        }
        Optional<RawArticle> raw = sources.read(judged);
        if (raw.isEmpty()) {
          skipped.add(judged.id());
          continue;
        }
        Article article = KeywordsProcessor.withKeywords(extractor, normalizer.normalize(raw.get()), top, model);
        KeywordScore score = new KeywordScore(article.getKeywords(), judged.accepted(), judged.must());
        articles++;
        shown += score.top().size();
        accepted += score.acceptedCount();
        must += judged.must().size();
        mustFound += score.foundMust().size();
        junk += score.junk().size();
        precisionSum += score.precision();
        if (!quiet) {
          print(judged, article, score);
        }
      }
    }
    Totals totals = new Totals(articles, skipped.size(), shown, accepted, must, mustFound, junk,
        articles == 0 ? 0 : precisionSum / articles);
    if (!skipped.isEmpty()) {
      System.out.printf("skipped %d articles whose corpus is not under %s: %s%n", skipped.size(), corpus,
          String.join(", ", skipped));
    }
    System.out.printf(Locale.ROOT,
        "TOTAL %d articles: precision@%d %.3f (%d/%d; mean per article %.3f), must-have recall %.3f (%d/%d), junk %d%n",
        totals.articles(), top, totals.precision(), accepted, shown, totals.macroPrecision(), totals.mustRecall(),
        mustFound, must, junk);
    return totals;
  }

  /** The model the app would learn from the --learn-from articles. */
  private LearnedModel learn(KeywordExtractor extractor, ArticleNormalizer normalizer) {
    OfflineLearner learner = new OfflineLearner(StreamsSettings.defaults().model());
    List<Article> articles = new ArrayList<>();
    if (learnLines) {
      for (CorpusLines.Line line : CorpusLines.read(learnFrom)) {
        String language = LanguageDetector.detect(line.text());
        articles.add(Article.newBuilder().setId("line").setTitle("").setBody(line.text()).setLanguage(language)
            .setPublishedAt(Instant.EPOCH).setFetchedAt(Instant.EPOCH).setFingerprint("").build());
      }
    } else {
      for (RawArticle raw : ProducerRun.dryRun().run(learnFrom).records()) {
        try {
          articles.add(normalizer.normalize(raw));
        } catch (RuntimeException e) {
          // Not an article the app would count: not learned from either.
        }
      }
    }
    for (Article a : articles) {
      List<Keyword> keywords = extractor.extract(a.getTitle(), a.getBody(), a.getLanguage());
      Set<String> terms = new LinkedHashSet<>();
      for (int i = 0; i < keywords.size() && terms.size() < 100; i++) {
        terms.add(keywords.get(i).key());
      }
      learner.add(terms, extractor.nounEvidence(), extractor.pairEvidence());
    }
    LearnedModel model = learner.model();
    System.out.printf("learned from %d articles: %s%n", learner.documents(), model);
    return model;
  }

  private static void print(Judgements.Judged judged, Article article, KeywordScore score) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < score.top().size(); i++) {
      line.append(i == 0 ? "" : ", ").append(score.top().get(i)).append(score.accepted(i) ? "" : " ✗");
    }
    System.out.printf(Locale.ROOT, "%s [%s %s %s] %s%n  P@10 %.2f  must %d/%d%s%s%n  %s%n", judged.id(),
        article.getLanguage(), judged.published(), judged.topic(), abbreviate(article.getTitle()), score.precision(),
        score.foundMust().size(), judged.must().size(),
        score.missingMust().isEmpty() ? "" : "  missing: " + String.join(", ", score.missingMust()),
        score.junk().isEmpty() ? "" : "  junk: " + String.join(", ", score.junk()), line);
  }

  private static String abbreviate(String title) {
    return title.length() <= 60 ? title : title.substring(0, 57) + "...";
  }
}
