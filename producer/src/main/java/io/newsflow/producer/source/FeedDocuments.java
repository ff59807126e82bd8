package io.newsflow.producer.source;

import io.newsflow.producer.text.DecodedText;
import io.newsflow.producer.text.DeclaredCharset;
import io.newsflow.producer.text.TextDecoder;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads a feed document fetched over HTTP: decodes the body (the Content-Type's charset, else the XML
 * prolog's, else detection) and hands each entry to a listener, with the feed URL as the source.
 */
public final class FeedDocuments {

  private final Clock clock;
  private final String host;

  public FeedDocuments(Clock clock, String host) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.host = Objects.requireNonNull(host, "host");
  }

  /**
   * Reads one response body. Entries and entry failures go to {@code listener}.
   *
   * @param contentType the response's Content-Type header, or null
   * @return null when the document was read, else the one-line reason it could not be (not decodable, not
   *     a feed), for the caller to report and retry later
   */
  public String read(byte[] body, String contentType, String url, SourceListener listener) {
    Charset declared = DeclaredCharset.fromContentType(contentType)
        .or(() -> DeclaredCharset.fromXmlProlog(body))
        .flatMap(DeclaredCharset::resolve)
        .orElse(null);
    DecodedText decoded = TextDecoder.decode(body, declared);
    if (!decoded.complete()) {
      return "line " + decoded.undecodableLines().get(0) + ": " + DecodedText.undecodableReason();
    }
    ReadContext context = new ReadContext(url, null, SourceFormat.RSS, clock, host, null)
        .withCharset(decoded.charset());
    return FeedArticles.read(decoded.text(), context, listener);
  }
}
