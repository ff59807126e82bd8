package io.newsflow.producer.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes file bytes as strict UTF-8. A file in another encoding (CP949 is common for Korean text) is
 * refused rather than sent as mojibake, which would poison keyword counts downstream.
 */
final class Utf8Text {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Utf8Text() {}

  /** The text, without a leading byte order mark. */
  static String decode(byte[] bytes) throws InputException {
    int start = hasBom(bytes) ? BOM.length : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    // UTF-8 never yields more chars than bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new InputException("not valid UTF-8 at byte " + in.position());
    }
    return out.flip().toString();
  }

  private static boolean hasBom(byte[] bytes) {
    return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
  }
}
