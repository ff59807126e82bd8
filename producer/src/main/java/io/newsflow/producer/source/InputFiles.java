package io.newsflow.producer.source;

import io.newsflow.producer.Failure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Expands the paths given to the producer into the files to read: a file as it is, a directory walked
 * recursively without its hidden entries and document type definitions, sorted so two runs send in the
 * same order.
 */
public final class InputFiles {

  private InputFiles() {}

  /** The files under {@code input}; what cannot be listed goes to {@code failures}. */
  public static List<Path> expand(Path input, Consumer<Failure> failures) {
    if (!Files.exists(input)) {
      failures.accept(new Failure(input.toString(), "no such file or directory"));
      return List.of();
    }
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              // The input itself may be "." or a hidden directory the user named on purpose.
              return !dir.equals(input) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !isHidden(file) && !isDocumentType(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (!isHidden(file)) {
                failures.accept(new Failure(file.toString(), reason(e)));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      failures.accept(new Failure(input.toString(), reason(e)));
    }
    files.sort(null);
    return files;
  }

  /** An I/O failure in a few words, without the path the failure line already starts with. */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemLoopException) {
      return "directory link loop";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
  }

  /**
   * A {@code .dtd} that an SGML or XML collection ships beside its documents (Reuters-21578's lewis.dtd):
   * never an article, and read as one it would be sent as text.
   */
  private static boolean isDocumentType(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dtd");
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
