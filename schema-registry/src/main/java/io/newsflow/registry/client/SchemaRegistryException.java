package io.newsflow.registry.client;

/**
 * A refusal or failure of a Schema Registry, carrying Confluent's numeric error_code so that callers (and our own
 * server, which answers with it) can tell "not found" from "incompatible" without parsing messages.
 */
public final class SchemaRegistryException extends RuntimeException {

  public static final int NO_RESPONSE = 0;
  public static final int BAD_REQUEST = 400;
  public static final int UNAUTHORIZED = 401;
  public static final int NOT_FOUND = 404;
  public static final int METHOD_NOT_ALLOWED = 405;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int PAYLOAD_TOO_LARGE = 413;
  public static final int UNSUPPORTED_MEDIA_TYPE = 415;
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int STORE_ERROR = 50001;

  private static final long serialVersionUID = 1L;

  private final int errorCode;

  public SchemaRegistryException(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** Confluent's error_code, e.g. 40403; {@link #NO_RESPONSE} when no registry answered at all. */
  public int errorCode() {
    return errorCode;
  }

  /** The HTTP status that goes with the code: its first three digits (40403 -> 404, 409 -> 409). */
  public int httpStatus() {
    int status = errorCode;
    while (status >= 1000) {
      status /= 10;
    }
    return status;
  }
}
