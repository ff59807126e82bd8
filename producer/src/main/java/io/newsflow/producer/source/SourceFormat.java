package io.newsflow.producer.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The input formats the producer reads, told apart by file extension and, for other extensions, by the
 * first characters of the content.
 *
 * <p>Content types: the streams app reads {@code text/plain} (portal layout, or title and body already
 * apart) and {@code application/json} (fields already mapped). HTML pages, CSV rows and feed entries reach
 * it as extracted plain text with the title set, so they are {@code text/plain}; their origin stays in the
 * {@code source.format} attribute.
 */
public enum SourceFormat {
  /** Plain text in the Korean portal layout; the streams app parses the layout, not the producer. */
  PORTAL_TEXT("portal-text", "text/plain"),
  /** One JSON object, or a JSON array of objects. */
  JSON("json", "application/json"),
  /** JSON Lines: one object per line. */
  JSONL("jsonl", "application/json"),
  /** An HTML page holding one article. */
  HTML("html", "text/plain"),
  /** CSV with a header row, one article per row (the Naver news search export's columns, among others). */
  CSV("csv", "text/plain"),
  /** An XML feed; RSS until parsed, when an Atom feed becomes {@link #ATOM}. */
  RSS("rss", "text/plain"),
  /** An Atom feed. */
  ATOM("atom", "text/plain"),
  /** Reuters-21578 SGML: many {@code <REUTERS>} newswire documents per file, one article each. */
  REUTERS_SGML("reuters-sgml", "text/plain");

  private static final int SNIFF_CHARS = 512;

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

  /** The format with this {@link #label()}, or null. */
  public static SourceFormat fromLabel(String label) {
    for (SourceFormat format : values()) {
      if (format.label.equals(label)) {
        return format;
      }
    }
    return null;
  }

  /** True for formats read line by line, whose files can be followed from a byte offset as they grow. */
  public boolean lineBased() {
    return this == JSONL || this == CSV;
  }

  /**
   * The format of a file. {@code .json}, {@code .jsonl} / {@code .ndjson}, {@code .txt}, {@code .html} /
   * {@code .htm}, {@code .csv}, {@code .xml} / {@code .rss} / {@code .atom} and {@code .sgm} decide by name.
   * Any other file is Reuters SGML when it starts with {@code <!DOCTYPE lewis} or {@code <REUTERS}; a feed
   * when it starts with an XML prolog, {@code <rss} or {@code <feed}; HTML when it starts with a doctype or
   * {@code <html}; JSON Lines when it has several lines that all start with
   * <code>{</code>; JSON when it starts with <code>{</code> or {@code [}; and portal text otherwise.
   */
  public static SourceFormat detect(Path file, String text) {
    SourceFormat byName = byName(file);
    return byName != null ? byName : sniff(text);
  }

  /** The format a file's extension decides, or null when only its content can tell. */
  public static SourceFormat byName(Path file) {
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
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return HTML;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom")) {
      return RSS;
    }
    if (name.endsWith(".sgm")) {
      return REUTERS_SGML;
    }
    return null;
  }

  /** {@link #detect(Path, String)} on raw bytes: every marker it looks for is ASCII. */
  public static SourceFormat detect(Path file, byte[] bytes) {
    return detect(file, new String(bytes, StandardCharsets.ISO_8859_1));
  }

  private static SourceFormat sniff(String text) {
    String start = text.stripLeading();
    if (start.startsWith("\u00EF\u00BB\u00BF") || start.startsWith("\uFEFF")) {
      start = start.substring(start.charAt(0) == '\uFEFF' ? 1 : 3).stripLeading();
    }
    String head = start.substring(0, Math.min(start.length(), SNIFF_CHARS)).toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype lewis") || head.startsWith("<reuters")) {
      return REUTERS_SGML;
    }
    if (head.startsWith("<?xml") || head.startsWith("<rss") || head.startsWith("<feed")) {
      return head.contains("<html") ? HTML : RSS;
    }
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      return HTML;
    }
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
