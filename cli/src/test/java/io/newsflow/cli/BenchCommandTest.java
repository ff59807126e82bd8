package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.cli.bench.BenchRate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code newsflow bench}'s options ask for; the runs themselves are in BenchIT. */
class BenchCommandTest {

  private static BenchCommand.Plan plan(String... args) {
    CommandLine line = new CommandLine(new BenchCommand());
    line.parseArgs(args);
    return line.<BenchCommand>getCommand().plan();
  }

  @Test
  void withoutDurationOrRateTheBenchMeasuresABurst() {
    assertThat(plan("--articles", "30")).isEqualTo(new BenchCommand.Plan(BenchCommand.Mode.BURST, null, null));
  }

  @Test
  void aDurationAsksForASteadyRunOfThatLength() {
    assertThat(plan("--duration", "10m")).isEqualTo(
        new BenchCommand.Plan(BenchCommand.Mode.STEADY, Duration.ofMinutes(10), null));
    assertThat(plan("--duration", "PT20S").duration()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aRateAsksForAPacedRunOfFiveMinutesUnlessADurationIsGiven() {
    assertThat(plan("--rate", "20")).isEqualTo(
        new BenchCommand.Plan(BenchCommand.Mode.PACED, Duration.ofMinutes(5), new BenchRate(20)));
    assertThat(plan("--rate", "auto", "--duration", "20s")).isEqualTo(
        new BenchCommand.Plan(BenchCommand.Mode.PACED, Duration.ofSeconds(20), BenchRate.AUTO));
  }

  @Test
  void aRateThatIsNoPositiveNumberIsAUsageError() {
    assertThatThrownBy(() -> plan("--rate", "0")).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'0' is not a rate");
    assertThat(new CommandLine(new Newsflow()).execute("bench", "--rate", "soon")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aDurationMustBePositiveAndTheTrendCeilingIsForBurstsOnly() {
    assertThatThrownBy(() -> plan("--duration", "0s")).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("--duration must be positive: PT0S");
    assertThatThrownBy(() -> plan("--trend-ceiling", "--rate", "5"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("--trend-ceiling measures a burst: not with --duration or --rate");
  }
}
