package io.newsflow.streams.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a caller of the operator API must send: nothing (the default), one bearer token, or one user and password
 * (HTTP basic). Instances share their configuration, so the credentials this instance expects are also the ones it
 * sends when it asks a peer. The secret never leaves this class except in that header: {@link #toString} masks it.
 */
public final class ApiAuth {

  static final String REALM = "newsflow";
  /** RFC 6750's token68: what an HTTP header can carry after "Bearer " without quoting. */
  private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  private static final ApiAuth NONE = new ApiAuth("none", null, null);

  private final String scheme;
  private final byte[] secretDigest;
  private final String authorization;

  private ApiAuth(String scheme, byte[] secret, String authorization) {
    this.scheme = scheme;
    this.secretDigest = secret == null ? null : sha256(secret);
    this.authorization = authorization;
  }

  /** Reads {@link ApiConfig#AUTH_TOKEN} and {@link ApiConfig#AUTH_BASIC}: blank is unset, both set is an error. */
  static ApiAuth from(Map<String, String> config) {
    String token = blankToNull(config.get(ApiConfig.AUTH_TOKEN));
    String basic = blankToNull(config.get(ApiConfig.AUTH_BASIC));
    if (token != null && basic != null) {
      throw new IllegalArgumentException("set " + ApiConfig.AUTH_TOKEN + " or " + ApiConfig.AUTH_BASIC
          + ", not both");
    }
    if (token != null) {
      // The value is never part of a message: a typo in a secret is still mostly the secret.
      require(TOKEN68.matcher(token).matches(), ApiConfig.AUTH_TOKEN
          + " may hold only letters, digits and -._~+/ (then '=' padding); value not shown");
      return new ApiAuth("bearer", bytes(token), "Bearer " + token);
    }
    if (basic != null) {
      int colon = basic.indexOf(':');
      require(colon > 0 && colon < basic.length() - 1, ApiConfig.AUTH_BASIC
          + " must be user:password, both non-empty; value not shown");
      return new ApiAuth("basic", bytes(basic), "Basic " + Base64.getEncoder().encodeToString(bytes(basic)));
    }
    return NONE;
  }

  public static ApiAuth none() {
    return NONE;
  }

  /** "none", "bearer" or "basic": what the start-up log says, never the secret. */
  public String scheme() {
    return scheme;
  }

  boolean required() {
    return secretDigest != null;
  }

  /** The {@code WWW-Authenticate} value of a 401 answer. */
  String challenge() {
    return scheme.equals("basic") ? "Basic realm=\"" + REALM + "\", charset=\"UTF-8\""
        : "Bearer realm=\"" + REALM + "\"";
  }

  /** The message of a 401 answer: what to send, never what was expected. */
  String refusal() {
    return scheme.equals("basic") ? "missing or wrong credentials: this API needs HTTP basic authentication"
        : "missing or wrong credentials: this API needs an Authorization: Bearer header with the configured token";
  }

  /** The {@code Authorization} value this instance sends to its peers; empty when none is required. */
  Optional<String> authorization() {
    return Optional.ofNullable(authorization);
  }

  /** Whether an {@code Authorization} header value carries the configured credentials. */
  boolean accepts(String header) {
    if (!required()) {
      return true;
    }
    if (header == null) {
      return false;
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme)) {
      return false;
    }
    String credentials = header.substring(space + 1).trim();
    byte[] offered;
    if (scheme.equals("basic")) {
      try {
        offered = Base64.getDecoder().decode(credentials);
      } catch (IllegalArgumentException notBase64) {
        return false;
      }
    } else {
      offered = bytes(credentials);
    }
    // isEqual takes the same time whatever bytes differ, but its time follows the lengths: comparing digests of
    // fixed length keeps the secret's length from showing too.
    return MessageDigest.isEqual(sha256(offered), secretDigest);
  }

  @Override
  public String toString() {
    return required() ? "ApiAuth[" + scheme + ", credentials masked]" : "ApiAuth[none]";
  }

  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
