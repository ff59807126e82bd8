package io.newsflow.producer;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a producer run reads: files and directories, feed URLs, and standard input.
 *
 * @param paths files and directories
 * @param feeds RSS or Atom feed URLs (http or https)
 * @param stdin true to read JSON Lines from standard input
 */
public record ProducerInputs(List<Path> paths, List<URI> feeds, boolean stdin) {

  public ProducerInputs {
    paths = List.copyOf(paths);
    feeds = List.copyOf(feeds);
  }

  public static ProducerInputs files(List<Path> paths) {
    return new ProducerInputs(paths, List.of(), false);
  }

  /**
   * Sorts command-line arguments: {@code -} is stdin, {@code http://} and {@code https://} URLs are feeds,
   * anything else a file or directory.
   *
   * @throws IllegalArgumentException for a URL that does not parse, or {@code -} given twice
   */
  public static ProducerInputs parse(List<String> arguments) {
    List<Path> paths = new ArrayList<>();
    List<URI> feeds = new ArrayList<>();
    boolean stdin = false;
    for (String argument : arguments) {
      String lower = argument.toLowerCase(Locale.ROOT);
      if (argument.equals("-")) {
        if (stdin) {
          throw new IllegalArgumentException("'-' (stdin) given twice");
        }
        stdin = true;
      } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
        try {
          URI uri = URI.create(argument);
          if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host");
          }
          feeds.add(uri);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("not a feed URL: " + argument + " (" + e.getMessage() + ")", e);
        }
      } else {
        paths.add(Path.of(argument));
      }
    }
    return new ProducerInputs(paths, feeds, stdin);
  }

  public boolean isEmpty() {
    return paths.isEmpty() && feeds.isEmpty() && !stdin;
  }
}
