package io.newsflow.producer;

import io.newsflow.producer.source.FileArticles;
import io.newsflow.producer.source.FileProgress;
import io.newsflow.producer.source.InputFiles;
import io.newsflow.producer.source.SourceFormat;
import io.newsflow.producer.state.FileMark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the file and directory inputs, once or at every scan when following. A file is read when the
 * state has no mark for it or it changed since: a grown JSON Lines or CSV file from where the last read
 * stopped, any other changed file whole (its items sent before are skipped by id).
 *
 * <p>When following, a file still being written is not read half-way: documents (JSON, HTML, text, feeds)
 * wait until two scans in a row see the same size and modification time, and line-based files are read up
 * to their last complete line until then.
 */
final class FileFollower {

  private final LiveRun run;
  private final List<Path> inputs;
  private final boolean follow;
  private final FileArticles reader;
  private final Map<Path, Observed> lastSeen = new HashMap<>();
  private final Set<String> reported = new HashSet<>();

  FileFollower(LiveRun run, List<Path> inputs, boolean follow, FileArticles reader) {
    this.run = run;
    this.inputs = List.copyOf(inputs);
    this.follow = follow;
    this.reader = reader;
  }

  /** The state's key for an input: its absolute path, so that {@code dir} and {@code ./dir} are one source. */
  static String sourceKey(Path input) {
    return input.toAbsolutePath().normalize().toString();
  }

  void scan() {
    for (Path input : inputs) {
      if (run.stopping()) {
        return;
      }
      String source = sourceKey(input);
      SendUnit unit = new SendUnit(run, source);
      List<Path> files = InputFiles.expand(input, failure -> {
        // A followed directory that is missing, or a file that cannot be opened, is told once, not at every scan.
        if (reported.add(failure.format())) {
          unit.onFailure(failure);
        }
      });
      if (Files.exists(input)) {
        reported.removeIf(line -> line.startsWith(input + ": "));
        run.state().retainFiles(source, files.stream().map(Path::toString).collect(Collectors.toSet()));
      }
      for (Path file : files) {
        if (run.stopping()) {
          break;
        }
        read(file, source, unit);
      }
      if (unit.commit() && Files.exists(input)) {
        run.meters().succeeded(source);
      }
    }
  }

  private void read(Path file, String source, SendUnit unit) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      // Gone between listing and reading: the next scan no longer lists it.
      return;
    }
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    FileMark mark = run.state().file(source, file.toString());
    SourceFormat format = mark != null ? SourceFormat.fromLabel(mark.format()) : SourceFormat.byName(file);
    boolean lineBased = format != null && format.lineBased();
    boolean unchanged = mark != null && mark.size() == size && mark.modifiedMillis() == modified;
    if (unchanged && (!lineBased || mark.offset() >= size)) {
      if (!follow) {
        run.stats().unchangedFiles.incrementAndGet();
      }
      return;
    }
    Observed now = new Observed(size, modified);
    boolean settled = !follow || now.equals(lastSeen.put(file, now));
    if (!settled && !lineBased) {
      return;
    }
    FileProgress progress;
    if (lineBased) {
      // Grown: go on from the mark. Shrunk, or rewritten to the same size: read it again from the start.
      boolean appended = mark != null && size >= mark.offset() && !(mark.offset() >= size && !unchanged);
      FileProgress from = appended ? new FileProgress(format, mark.offset(), mark.lines()) : new FileProgress(format, 0, 0);
      if (from.offset() >= size) {
        return;
      }
      unit.onFile(file);
      progress = reader.readFrom(file, from, settled, unit);
    } else {
      unit.onFile(file);
      progress = reader.read(file, unit);
    }
    if (progress == null) {
      // Could not be read (permission denied ...): reported once; tried again when it changes.
      unit.fileDone(file, new FileMark(size, modified, size, 0, format == null ? "unknown" : format.label()));
    } else {
      unit.fileDone(file, new FileMark(size, modified, progress.offset(), progress.lines(), progress.format().label()));
    }
  }

  private record Observed(long size, long modified) {}
}
