package io.newsflow.registry.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP basic authentication in front of every route: a request without valid credentials gets 401 with a
 * challenge and Confluent's error body, and never reaches the router.
 *
 * <p>Not the JDK's BasicAuthenticator: that answers 401 with an empty body, and Confluent's clients expect the
 * JSON error shape of every other refusal.
 */
final class BasicAuthFilter extends Filter {

  static final String REALM = "newsflow-registry";
  static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";
  private static final byte[] UNAUTHORIZED =
      "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
  private static final Logger LOG = LoggerFactory.getLogger(BasicAuthFilter.class);

  /** SHA-256 of each password: equal lengths, so comparing them takes the same time whatever was sent. */
  private final Map<String, byte[]> passwordDigests = new HashMap<>();
  /** Compared against when the user is unknown, so that an unknown user costs what a wrong password does. */
  private final byte[] noUser = sha256("");

  BasicAuthFilter(Map<String, String> users) {
    users.forEach((user, password) -> passwordDigests.put(user, sha256(password)));
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      chain.doFilter(exchange);
      return;
    }
    LOG.debug("request refused status=401 method={} path={} remote={}", exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(), exchange.getRemoteAddress());
    try (exchange) {
      exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
      exchange.getResponseHeaders().set("Content-Type", Router.MEDIA_TYPE);
      exchange.sendResponseHeaders(401, UNAUTHORIZED.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(UNAUTHORIZED);
      }
    }
  }

  boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    byte[] expected = passwordDigests.get(decoded.substring(0, colon));
    boolean matches = MessageDigest.isEqual(expected == null ? noUser : expected,
        sha256(decoded.substring(colon + 1)));
    return expected != null && matches;
  }

  @Override
  public String description() {
    return "HTTP basic authentication, realm " + REALM;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
