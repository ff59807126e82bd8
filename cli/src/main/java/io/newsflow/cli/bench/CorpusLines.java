package io.newsflow.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Corpora of one article per line (such as the soynlp news sample): the non-blank lines of the given files, and
 * of the {@code .txt} files under the given directories, in path order. UTF-8.
 */
public final class CorpusLines {

  /** One line of a corpus file; {@code number} is 1-based. */
  public record Line(Path file, int number, String text) {
  }

  private CorpusLines() {
  }

  /** @throws UncheckedIOException when a file or directory cannot be read */
  public static List<Line> read(List<Path> inputs) {
    List<Line> lines = new ArrayList<>();
    for (Path file : files(inputs)) {
      try {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < all.size(); i++) {
          if (!all.get(i).isBlank()) {
            lines.add(new Line(file, i + 1, all.get(i).strip()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return lines;
  }

  private static List<Path> files(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }
}
