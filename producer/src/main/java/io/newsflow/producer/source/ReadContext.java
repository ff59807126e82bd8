package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every record read from one file shares: its path, format, fetch time and the producer's host. */
record ReadContext(Path path, SourceFormat format, Clock clock, String host) {

  String pathText() {
    return path.toString();
  }

  /**
   * A builder with the fields that come from the file, not the item: source, content type, fetch time
   * and the origin attributes. {@code position} adds the line or index attribute, if any.
   */
  RawArticle.Builder newArticle(Map<String, String> position) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(SourceAttributes.SOURCE_PATH, pathText());
    attributes.putAll(position);
    attributes.put(SourceAttributes.SOURCE_FORMAT, format.label());
    attributes.put(SourceAttributes.PRODUCER_HOST, host);
    return RawArticle.newBuilder()
        .setSource("file:" + pathText())
        .setContentType(format.contentType())
        // Avro keeps millis; truncating here makes a record equal to itself after a round trip.
        .setFetchedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))
        .setAttributes(attributes);
  }
}
