package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads articles from files and directories once: Korean portal-layout text, JSON, JSON Lines, HTML pages,
 * CSV, RSS/Atom and Reuters-21578 SGML files (see {@link SourceFormat}), in any charset
 * {@link io.newsflow.producer.text.TextDecoder} can tell. Every item becomes a RawArticle or a {@link Failure}; a file or item that fails never stops the
 * others.
 */
public final class ArticleSource {

  private final List<Path> inputs;
  private final FileArticles reader;

  /**
   * @param inputs files and directories, read in the order given; directories are walked recursively
   * @param clock gives each record's fetchedAt
   * @param host written into the {@code producer.host} attribute
   */
  public ArticleSource(List<Path> inputs, Clock clock, String host) {
    this.inputs = List.copyOf(inputs);
    this.reader = new FileArticles(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(host, "host"));
  }

  /** A source stamping records with the current time and this machine's host name. */
  public static ArticleSource of(List<Path> inputs) {
    return new ArticleSource(inputs, Clock.systemUTC(), localHostName());
  }

  /**
   * Reads every input, handing each article and failure to {@code listener} as it goes.
   *
   * @return how many files were found and opened, including those that failed
   */
  public int read(SourceListener listener) {
    int files = 0;
    for (Path input : inputs) {
      for (Path file : InputFiles.expand(input, listener::onFailure)) {
        files++;
        listener.onFile(file);
        reader.read(file, listener);
      }
    }
    return files;
  }

  /** Reads every input into memory. */
  public SourceBatch readAll() {
    List<RawArticle> articles = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    int files = read(new SourceListener() {
      @Override
      public void onArticle(RawArticle article) {
        articles.add(article);
      }

      @Override
      public void onFailure(Failure failure) {
        failures.add(failure);
      }
    });
    return new SourceBatch(files, articles, failures);
  }

  /** This machine's host name, or "unknown" when it has none that resolves. */
  public static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
