package io.newsflow.producer.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The input formats the producer reads, told apart by file extension and, for other extensions, by the
 * first character of the content.
 */
public enum SourceFormat {
  /** Plain text in the Korean portal layout; the streams app parses the layout, not the producer. */
  PORTAL_TEXT("portal-text", "text/plain"),
  /** One JSON object, or a JSON array of objects. */
  JSON("json", "application/json"),
  /** JSON Lines: one object per line. */
  JSONL("jsonl", "application/json");

  private final String label;
  private final String contentType;

  SourceFormat(String label, String contentType) {
    this.label = label;
    this.contentType = contentType;
  }

  /** The value of the {@code source.format} attribute. */
  public String label() {
    return label;
  }

  /** The RawArticle content type of the records read in this format. */
  public String contentType() {
    return contentType;
  }

  /**
   * The format of a file. {@code .json}, {@code .jsonl} / {@code .ndjson} and {@code .txt} decide by
   * name. Any other file is JSON Lines when it has several lines that all start with <code>{</code>,
   * JSON when it starts with <code>{</code> or {@code [}, and portal text otherwise.
   */
  public static SourceFormat detect(Path file, String text) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JSONL;
    }
    if (name.endsWith(".txt")) {
      return PORTAL_TEXT;
    }
    return sniff(text);
  }

  private static SourceFormat sniff(String text) {
    String start = text.stripLeading();
    if (start.startsWith("[")) {
      return JSON;
    }
    if (!start.startsWith("{")) {
      return PORTAL_TEXT;
    }
    List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
    boolean allObjects = lines.stream().allMatch(line -> line.strip().startsWith("{"));
    return lines.size() > 1 && allObjects ? JSONL : JSON;
  }
}
