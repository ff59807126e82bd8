package io.newsflow.producer;

import io.newsflow.producer.source.StdinArticles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads JSON Lines from standard input until it ends, committing whenever no further input is waiting, so
 * that a slow writer's lines are sent and recorded as they come rather than at the end.
 */
final class StdinReader {

  private static final Logger LOG = LoggerFactory.getLogger(StdinReader.class);

  private final LiveRun run;
  private final InputStream stdin;
  private final StdinArticles articles;

  StdinReader(LiveRun run, InputStream stdin, StdinArticles articles) {
    this.run = run;
    this.stdin = stdin;
    this.articles = articles;
  }

  void read() {
    SendUnit unit = new SendUnit(run, StdinArticles.SOURCE);
    BufferedInputStream in = new BufferedInputStream(stdin);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int lineNumber = 0;
    try {
      int next = in.read();
      while (next >= 0 && !run.stopping()) {
        if (next != '\n') {
          line.write(next);
        } else {
          lineNumber++;
          articles.readLine(line.toByteArray(), line.size(), lineNumber, unit);
          line.reset();
          if (in.available() == 0) {
            unit.commit();
          }
        }
        next = in.read();
      }
      if (line.size() > 0 && !run.stopping()) {
        articles.readLine(line.toByteArray(), line.size(), lineNumber + 1, unit);
      }
    } catch (IOException e) {
      LOG.warn("event=stdin_failed reason=\"{}\"", e.getMessage());
      unit.onFailure(new Failure(StdinArticles.SOURCE, "cannot read: " + e.getMessage()));
    }
    unit.commit();
  }
}
