package io.newsflow.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** A process that logs as the commands do, for LogFormatTest: a warning with an MDC key, an error with a cause. */
final class LogFormatProbe {

  static final String STDOUT = "the command's own output";

  private LogFormatProbe() {}

  public static void main(String[] args) {
    Logger log = LoggerFactory.getLogger(LogFormatProbe.class);
    MDC.put("command", "probe");
    log.warn("event=probe-warning count={}", 3);
    MDC.remove("command");
    log.error("event=probe-failure reason=\"broker gone\"", new IllegalStateException("broker gone"));
    System.out.println(STDOUT);
  }
}
