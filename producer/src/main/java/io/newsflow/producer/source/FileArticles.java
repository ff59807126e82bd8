package io.newsflow.producer.source;

import io.newsflow.producer.Failure;
import io.newsflow.producer.text.DecodedText;
import io.newsflow.producer.text.DeclaredCharset;
import io.newsflow.producer.text.TextDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Reads the articles of one file in any {@link SourceFormat}, decoding its bytes with {@link TextDecoder}
 * (the charset an HTML meta tag or XML prolog declares first). A line-based file (JSON Lines, CSV) can also
 * be read from where an earlier read stopped, so a followed file that grows sends only its new lines.
 */
public final class FileArticles {

  private static final int HEADER_BYTES = 64 * 1024;

  private final Clock clock;
  private final String host;
  private final JsonArticles json = new JsonArticles();
  private final CsvArticles csv = new CsvArticles();

  public FileArticles(Clock clock, String host) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.host = Objects.requireNonNull(host, "host");
  }

  /**
   * Reads the whole file.
   *
   * @return how far it was read; null when it could not be read at all (the failure went to the listener)
   */
  public FileProgress read(Path file, SourceListener listener) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      listener.onFailure(new Failure(file.toString(), InputFiles.reason(e)));
      return null;
    }
    SourceFormat format = SourceFormat.detect(file, bytes);
    int lines = readBytes(file, format, bytes, bytes.length, 1, null, listener);
    return new FileProgress(format, bytes.length, lines);
  }

  /**
   * Reads a line-based file from {@code from}: the complete lines added since, and also a last line
   * without its newline when {@code toEnd} (the file is no longer being written).
   *
   * @return how far it was read now; {@code from} itself when nothing new was complete; null when the file
   *     could not be read (the failure went to the listener)
   */
  public FileProgress readFrom(Path file, FileProgress from, boolean toEnd, SourceListener listener) {
    byte[] bytes;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size <= from.offset()) {
        return from;
      }
      bytes = readRange(channel, from.offset(), size);
    } catch (IOException e) {
      listener.onFailure(new Failure(file.toString(), InputFiles.reason(e)));
      return null;
    }
    int end = toEnd ? bytes.length : lastNewline(bytes) + 1;
    if (end == 0) {
      return from;
    }
    String header = from.format() == SourceFormat.CSV && from.lines() > 0 ? headerLine(file) : null;
    int lines = readBytes(file, from.format(), bytes, end, from.lines() + 1, header, listener);
    return new FileProgress(from.format(), from.offset() + end, from.lines() + lines);
  }

  /** @return the number of lines in {@code bytes[0, end)}, a last line without newline included */
  private int readBytes(Path file, SourceFormat format, byte[] bytes, int end, int firstLine, String csvHeader,
      SourceListener listener) {
    DecodedText decoded = TextDecoder.decode(bytes, 0, end, declared(format, bytes));
    ReadContext context = ReadContext.ofFile(file, format, clock, host).withCharset(decoded.charset());
    if (format.lineBased()) {
      for (int line : decoded.undecodableLines()) {
        listener.onFailure(new Failure(SourceAttributes.lineOrigin(file.toString(), firstLine + line - 1),
            DecodedText.undecodableReason()));
      }
      if (format == SourceFormat.CSV) {
        csv.read(decoded, firstLine, csvHeader, context, listener);
      } else {
        json.readLines(decoded, firstLine, context, listener);
      }
    } else if (!decoded.complete()) {
      List<Integer> bad = decoded.undecodableLines();
      listener.onFailure(new Failure(file.toString(), "line " + bad.get(0)
          + (bad.size() > 1 ? " and " + (bad.size() - 1) + " more" : "") + ": " + DecodedText.undecodableReason()));
    } else {
      readDocument(format, decoded.text(), context, listener);
    }
    return countLines(bytes, end);
  }

  private void readDocument(SourceFormat format, String text, ReadContext context, SourceListener listener) {
    switch (format) {
      case JSON -> json.readDocument(text, context, listener);
      case HTML -> HtmlArticles.read(text, context, listener);
      case REUTERS_SGML -> ReutersArticles.read(text, context, listener);
      case RSS, ATOM -> {
        String notAFeed = FeedArticles.read(text, context, listener);
        if (notAFeed != null) {
          listener.onFailure(new Failure(context.pathText(), notAFeed));
        }
      }
      default -> PortalText.read(text, context, listener);
    }
  }

  private static Charset declared(SourceFormat format, byte[] bytes) {
    return switch (format) {
      case HTML -> DeclaredCharset.fromHtmlMeta(bytes).flatMap(DeclaredCharset::resolve).orElse(null);
      case RSS, ATOM -> DeclaredCharset.fromXmlProlog(bytes).flatMap(DeclaredCharset::resolve).orElse(null);
      // The collection is ASCII with a stray Latin-1 byte or two; without this one byte would fail a whole file.
      case REUTERS_SGML -> StandardCharsets.ISO_8859_1;
      default -> null;
    };
  }

  /** The first line of a CSV file, for reading rows added after it. */
  private static String headerLine(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] head = readRange(channel, 0, Math.min(channel.size(), HEADER_BYTES));
      int newline = 0;
      while (newline < head.length && head[newline] != '\n') {
        newline++;
      }
      DecodedText decoded = TextDecoder.decode(head, 0, newline, null);
      return decoded.complete() ? decoded.text() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] readRange(FileChannel channel, long from, long to) throws IOException {
    long length = to - from;
    if (length > Integer.MAX_VALUE - 16) {
      throw new IOException("too large to read at once: " + length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, from + buffer.position()) < 0) {
        break;
      }
    }
    byte[] bytes = new byte[buffer.position()];
    buffer.flip().get(bytes);
    return bytes;
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int countLines(byte[] bytes, int end) {
    int lines = 0;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        lines++;
      }
    }
    return end > 0 && bytes[end - 1] != '\n' ? lines + 1 : lines;
  }
}
