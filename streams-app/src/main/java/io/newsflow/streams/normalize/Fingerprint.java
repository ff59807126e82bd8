package io.newsflow.streams.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The content fingerprint of a clean body: SHA-256 (hex) of the body lower-cased with all whitespace removed,
 * so that the same text wrapped or spaced differently by another source gets the same fingerprint.
 */
public final class Fingerprint {

  private Fingerprint() {
  }

  public static String of(String cleanBody) {
    String lower = cleanBody.toLowerCase(Locale.ROOT);
    StringBuilder squeezed = new StringBuilder(lower.length());
    lower.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
        .forEach(squeezed::appendCodePoint);
    return HexFormat.of().formatHex(sha256().digest(squeezed.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }
}
