package io.newsflow.streams.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Gives one spelling to URLs that name the same article, so that revisions and copies share a key: lower-case
 * scheme and host, no default port, no fragment, no tracking parameters (utm_*, fbclid ...), no trailing slash.
 */
public final class UrlCanonicalizer {

  private static final Set<String> TRACKING_PARAMETERS = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
      "_ga", "_gl", "ref_src", "cmpid", "ocid", "spm");

  private UrlCanonicalizer() {
  }

  /**
   * The canonical form; null for null or blank. A string that is not an absolute hierarchical URI is returned
   * trimmed but otherwise untouched, because losing the source's URL is worse than not folding it.
   */
  public static String canonicalize(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String trimmed = url.strip();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      return trimmed;
    }
    if (uri.getScheme() == null || uri.isOpaque() || uri.getHost() == null) {
      return trimmed;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(trimmed.length()).append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(uri.getHost().toLowerCase(Locale.ROOT));
    if (uri.getPort() >= 0 && !isDefaultPort(scheme, uri.getPort())) {
      out.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    out.append(path);
    String query = keptQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String keptQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder kept = new StringBuilder(rawQuery.length());
    for (String parameter : rawQuery.split("&")) {
      if (parameter.isEmpty() || isTracking(parameter)) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append('&');
      }
      kept.append(parameter);
    }
    return kept.toString();
  }

  private static boolean isTracking(String parameter) {
    int eq = parameter.indexOf('=');
    String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
    return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
  }

  private static boolean isDefaultPort(String scheme, int port) {
    return (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
  }
}
