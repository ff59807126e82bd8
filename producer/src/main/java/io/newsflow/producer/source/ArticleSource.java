package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads articles from files and directories: Korean portal-layout text, JSON and JSON Lines (see
 * {@link SourceFormat}). Every item becomes a RawArticle or a {@link Failure}; a file or item that fails
 * never stops the others.
 */
public final class ArticleSource {

  private final List<Path> inputs;
  private final Clock clock;
  private final String host;
  private final JsonArticles json = new JsonArticles();

  /**
   * @param inputs files and directories, read in the order given; directories are walked recursively
   * @param clock gives each record's fetchedAt
   * @param host written into the {@code producer.host} attribute
   */
  public ArticleSource(List<Path> inputs, Clock clock, String host) {
    this.inputs = List.copyOf(inputs);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.host = Objects.requireNonNull(host, "host");
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
        readFile(file, listener);
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

  private void readFile(Path file, SourceListener listener) {
    String text;
    try {
      text = Utf8Text.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      listener.onFailure(new Failure(file.toString(), InputFiles.reason(e)));
      return;
    } catch (InputException e) {
      listener.onFailure(new Failure(file.toString(), e.reason()));
      return;
    }
    SourceFormat format = SourceFormat.detect(file, text);
    ReadContext context = new ReadContext(file, format, clock, host);
    switch (format) {
      case JSON -> json.readDocument(text, context, listener);
      case JSONL -> json.readLines(text, context, listener);
      default -> readPortalText(text, context, listener);
    }
  }

  private static void readPortalText(String text, ReadContext context, SourceListener listener) {
    RawArticle article;
    try {
      article = PortalText.toArticle(text, context);
    } catch (InputException e) {
      listener.onFailure(new Failure(context.pathText(), e.reason()));
      return;
    }
    listener.onArticle(article);
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
