package io.newsflow.producer.publish;

/**
 * The producer can no longer send (cluster unreachable, not authorized, closed): going on would only
 * fail, or block, once per remaining record.
 */
public final class PublishException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
