package io.newsflow.cli;

/** Exit codes of every newsflow command, as documented in the README. */
final class ExitCodes {

  static final int OK = 0;
  /** Something went wrong: a port taken, a cluster unreachable, a timeout. */
  static final int FAILED = 1;
  /** Bad command line (picocli's own code). */
  static final int USAGE = 2;
  /** The run finished but some inputs could not be read or sent; the summary lists them. */
  static final int PARTIAL = 3;

  private ExitCodes() {}
}
