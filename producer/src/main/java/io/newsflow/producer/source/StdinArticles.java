package io.newsflow.producer.source;

import io.newsflow.producer.Failure;
import io.newsflow.producer.text.DecodedText;
import io.newsflow.producer.text.TextDecoder;
import java.time.Clock;

/** Reads JSON Lines from standard input one line at a time, each line decoded on its own. */
public final class StdinArticles {

  /** The source of stdin records, and the origin their failures name ({@code stdin:LINE}). */
  public static final String SOURCE = "stdin";

  private final ReadContext context;
  private final JsonArticles json = new JsonArticles();

  public StdinArticles(Clock clock, String host) {
    this.context = new ReadContext(SOURCE, null, SourceFormat.JSONL, clock, host, null);
  }

  /** Reads line {@code lineNumber} (1-based), its bytes without the newline; a blank line is skipped. */
  public void readLine(byte[] bytes, int length, int lineNumber, SourceListener listener) {
    DecodedText decoded = TextDecoder.decode(bytes, 0, length, null);
    if (!decoded.complete()) {
      listener.onFailure(new Failure(SourceAttributes.lineOrigin(SOURCE, lineNumber), DecodedText.undecodableReason()));
      return;
    }
    if (decoded.text().isBlank()) {
      return;
    }
    json.readLine(decoded.text(), lineNumber, context.withCharset(decoded.charset()), listener);
  }
}
