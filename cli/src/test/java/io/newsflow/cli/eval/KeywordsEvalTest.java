package io.newsflow.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.KeywordsEvalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The project's keyword evaluation on the part the repository ships (eval/keywords/articles, written for the
 * set): the figures may only go up. The bars are the figures measured when the ranking by informativeness
 * landed, less a little slack; raise them when the extractor improves.
 */
class KeywordsEvalTest {

  private static final Path JUDGEMENTS = Path.of("..", "eval", "keywords", "judgements.json");
  /**
   * 14 articles written and judged blind on 7 Dec: 0.793 (111/140) / 0.891 (49/55) at the session's start and
   * after it (the quoted-description rule was made after reading this set's report: no longer blind for it).
   */
  private static final Path HELD_OUT_3 = Path.of("..", "eval", "keywords", "heldout3", "judgements-heldout3.json");

  @Test
  void shippedArticlesScoreAtLeastTheMeasuredFigures() {
    assertThat(JUDGEMENTS).exists();
    KeywordsEvalCommand command = new KeywordsEvalCommand();
    new CommandLine(command).parseArgs(JUDGEMENTS.toString(), "--shipped-only", "--quiet");

    KeywordsEvalCommand.Totals totals = command.evaluate();

    assertThat(totals.articles()).isEqualTo(16);
    assertThat(totals.shown()).isEqualTo(160);
    assertThat(totals.precision()).isGreaterThanOrEqualTo(PRECISION_BAR);
    assertThat(totals.mustRecall()).isGreaterThanOrEqualTo(RECALL_BAR);
    assertThat(totals.junk()).isZero();
  }

  @Test
  void thirdHeldOutSetScoresAtLeastItsMeasuredFigures() {
    KeywordsEvalCommand command = new KeywordsEvalCommand();
    new CommandLine(command).parseArgs(HELD_OUT_3.toString(), "--quiet");

    KeywordsEvalCommand.Totals totals = command.evaluate();

    assertThat(totals.articles()).isEqualTo(14);
    assertThat(totals.precision()).isGreaterThanOrEqualTo(0.77);
    assertThat(totals.mustRecall()).isGreaterThanOrEqualTo(0.87);
    assertThat(totals.junk()).isZero();
  }

  @Test
  void everyShippedJudgementNamesAFileThatExists() {
    Judgements set = Judgements.read(JUDGEMENTS);

    assertThat(set.articles()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(set.articles().stream().filter(a -> a.language().equals("ko")).count()).isGreaterThanOrEqualTo(25);
    set.articles().stream().filter(Judgements.Judged::shipped).forEach(a -> assertThat(
        Files.isRegularFile(a.judgementFile().resolveSibling(a.source().get("file").asText()))).isTrue());
    set.articles().forEach(a -> assertThat(a.accepted()).containsAll(a.must()));
  }

  /** Measured 0.806 (129/160) on 4 Dec (0.731 on 3 Dec); before the informative ranking 0.438. */
  private static final double PRECISION_BAR = 0.78;
  /** Measured 0.839 (52/62) on 4 Dec (0.774 on 3 Dec); before 0.581. */
  private static final double RECALL_BAR = 0.81;
}
