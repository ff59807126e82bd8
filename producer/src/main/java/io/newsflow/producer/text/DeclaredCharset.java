package io.newsflow.producer.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset a document declares for itself: the {@code charset} parameter of an HTTP Content-Type,
 * an XML prolog's {@code encoding}, or an HTML {@code <meta charset>} / {@code http-equiv} tag.
 */
public final class DeclaredCharset {

  // Browsers look for the meta tag in the first 1024 bytes; XML puts its prolog first.
  private static final int PRESCAN_BYTES = 1024;
  private static final Pattern CONTENT_TYPE_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_PROLOG =
      Pattern.compile("^\\s*<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern HTML_META = Pattern.compile(
      "<meta\\b[^>]*\\bcharset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

  private DeclaredCharset() {}

  /** The charset parameter of a Content-Type header value, e.g. {@code text/xml; charset=EUC-KR}. */
  public static Optional<String> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    return group(CONTENT_TYPE_CHARSET.matcher(contentType));
  }

  /** The encoding of an XML prolog at the start of the bytes (after a BOM, if any). */
  public static Optional<String> fromXmlProlog(byte[] bytes) {
    return group(XML_PROLOG.matcher(prefix(bytes)));
  }

  /** The charset of an HTML meta tag among the first 1024 bytes. */
  public static Optional<String> fromHtmlMeta(byte[] bytes) {
    return group(HTML_META.matcher(prefix(bytes)));
  }

  /**
   * The Java charset for a declared name, or empty when Java does not know it. EUC-KR becomes CP949, its
   * superset, as browsers do: pages declaring EUC-KR routinely use CP949's extra syllables.
   */
  public static Optional<Charset> resolve(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      Charset charset = Charset.forName(name.strip());
      if (charset.name().toUpperCase(Locale.ROOT).equals("EUC-KR")) {
        return Optional.of(TextDecoder.CP949);
      }
      return Optional.of(charset);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> group(Matcher matcher) {
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static String prefix(byte[] bytes) {
    int start = TextDecoder.utf8BomLength(bytes);
    // ASCII-compatible charsets spell the declaration in ASCII; Latin-1 maps every byte, so nothing fails.
    return new String(bytes, start, Math.min(bytes.length - start, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
  }
}
