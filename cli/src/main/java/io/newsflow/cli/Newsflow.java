package io.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command: one entry point for the local stack, the demo and each application. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
    description = "Turns live news into keyword trends on Kafka.",
    subcommands = {
        DemoCommand.class, LocalCommand.class, ProduceCommand.class, StreamCommand.class, KeywordsCommand.class,
        KeywordsEvalCommand.class, KeywordModelCommand.class,
        TailCommand.class, DedupEvalCommand.class, VerifyCommand.class, CandidatesCommand.class, BenchCommand.class,
        SoakCommand.class,
        CommandLine.HelpCommand.class})
public final class Newsflow {

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Newsflow());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("newsflow: " + e.getMessage());
      return ExitCodes.FAILED;
    });
    System.exit(cli.execute(args));
  }
}
