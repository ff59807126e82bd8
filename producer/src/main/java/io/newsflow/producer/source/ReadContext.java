package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every record read from one document shares: where it came from (a file, a feed URL, stdin), its
 * format and charset, the fetch time and the producer's host.
 *
 * @param source the RawArticle source, e.g. {@code file:news/a.json} or a feed URL
 * @param path the file path as given or found, or null for a feed or stdin
 * @param format the document's format
 * @param clock gives fetchedAt
 * @param host the producer's host name
 * @param charset what the text was decoded from when that was not UTF-8, else null
 */
record ReadContext(String source, String path, SourceFormat format, Clock clock, String host, String charset) {

  static ReadContext ofFile(Path path, SourceFormat format, Clock clock, String host) {
    return new ReadContext("file:" + path, path.toString(), format, clock, host, null);
  }

  /** Where failures point: the path, or the source when there is none. */
  String pathText() {
    return path == null ? source : path;
  }

  ReadContext withFormat(SourceFormat newFormat) {
    return new ReadContext(source, path, newFormat, clock, host, charset);
  }

  /** The same context for text decoded from {@code decodedFrom}; UTF-8 is the default and not recorded. */
  ReadContext withCharset(String decodedFrom) {
    String recorded = decodedFrom == null || decodedFrom.equals("UTF-8") ? null : decodedFrom;
    return new ReadContext(source, path, format, clock, host, recorded);
  }

  /**
   * A builder with the fields that come from the document, not the item: source, content type, fetch
   * time and the origin attributes. {@code position} adds the line or index attribute, if any.
   */
  RawArticle.Builder newArticle(Map<String, String> position) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (path != null) {
      attributes.put(SourceAttributes.SOURCE_PATH, path);
    }
    attributes.putAll(position);
    attributes.put(SourceAttributes.SOURCE_FORMAT, format.label());
    if (charset != null) {
      attributes.put(SourceAttributes.SOURCE_CHARSET, charset);
    }
    attributes.put(SourceAttributes.PRODUCER_HOST, host);
    return RawArticle.newBuilder()
        .setSource(source)
        .setContentType(format.contentType())
        // Avro keeps millis; truncating here makes a record equal to itself after a round trip.
        .setFetchedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))
        .setAttributes(attributes);
  }
}
