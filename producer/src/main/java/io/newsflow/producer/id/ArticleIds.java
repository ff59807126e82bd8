package io.newsflow.producer.id;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Gives each source item the RawArticle id it keeps across reads, so that re-sending the same file lands
 * on the same Kafka key and the streams app's dedup sees one item, not two.
 *
 * <p>In order of preference: the source's own id (a JSON {@code id} field) as given; else the canonical
 * url ({@link #canonicalUrl}); else {@code sha256:} and the first 32 hex digits (128 bits) of the SHA-256
 * of the body's UTF-8 bytes. A content id changes when the text changes and not when the file is renamed.
 */
public final class ArticleIds {

  public static final String CONTENT_PREFIX = "sha256:";
  private static final int CONTENT_HEX_DIGITS = 32;
  /** Parameters that say how a reader arrived, not what they read; {@code utm_*} is matched by prefix. */
  private static final Set<String> TRACKING_PARAMETERS = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
      "_ga", "_gl", "ref_src", "cmpid", "ocid", "spm");

  private ArticleIds() {}

  /**
   * The id of one item.
   *
   * @param sourceId the source's own id, or null
   * @param url the item's url, or null
   * @param body the item's text; used only when neither of the others is given
   */
  public static String of(String sourceId, String url, String body) {
    if (sourceId != null && !sourceId.isBlank()) {
      return sourceId.strip();
    }
    if (url != null && !url.isBlank()) {
      return canonicalUrl(url);
    }
    return contentId(body);
  }

  /** {@code sha256:} and the first 32 hex digits of the SHA-256 of the text's UTF-8 bytes. */
  public static String contentId(String body) {
    byte[] digest = sha256().digest(body.getBytes(StandardCharsets.UTF_8));
    return CONTENT_PREFIX + HexFormat.of().formatHex(digest).substring(0, CONTENT_HEX_DIGITS);
  }

  /**
   * The url with the differences that do not change what it points to taken out: scheme and host in
   * lower case, the default port dropped, an empty path made {@code /}, the fragment and tracking
   * parameters ({@code utm_*}, {@code fbclid}, {@code gclid} ...) dropped. The path and the other query
   * parameters are kept as they are, in their order, since sites differ on whether they matter. A url
   * that does not parse as an absolute hierarchical URI is only trimmed.
   */
  public static String canonicalUrl(String url) {
    String trimmed = url.strip();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      return trimmed;
    }
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
      return trimmed;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    StringBuilder canonical = new StringBuilder(trimmed.length())
        .append(scheme)
        .append("://");
    if (uri.getRawUserInfo() != null) {
      canonical.append(uri.getRawUserInfo()).append('@');
    }
    canonical.append(uri.getHost().toLowerCase(Locale.ROOT));
    if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
      canonical.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    canonical.append(path == null || path.isEmpty() ? "/" : path);
    String query = keptQuery(uri.getRawQuery());
    if (query != null) {
      canonical.append('?').append(query);
    }
    return canonical.toString();
  }

  /** The query without tracking parameters; null when none is left (and the {@code ?} goes too). */
  private static String keptQuery(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(rawQuery.length());
    boolean dropped = false;
    for (String parameter : rawQuery.split("&", -1)) {
      if (isTracking(parameter)) {
        dropped = true;
        continue;
      }
      if (parameter.isEmpty()) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append('&');
      }
      kept.append(parameter);
    }
    // A query with nothing to drop stays byte for byte as it was, empty parameters included.
    if (!dropped) {
      return rawQuery;
    }
    return kept.length() == 0 ? null : kept.toString();
  }

  private static boolean isTracking(String parameter) {
    int eq = parameter.indexOf('=');
    String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
    return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
