package io.newsflow.streams.support;

import io.newsflow.registry.client.SchemaRegistryException;

/**
 * Tells a schema registry outage (no answer, or a 5xx) from a record the registry cannot serve (an unknown
 * schema id): the first is retried, the second is bad input for the dead-letter topic.
 */
public final class RegistryOutage {

  private RegistryOutage() {}

  /** The registry failure behind {@code e} when no registry answered or it answered 5xx; else null. */
  public static SchemaRegistryException of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException r
          && (r.errorCode() == SchemaRegistryException.NO_RESPONSE || r.httpStatus() >= 500)) {
        return r;
      }
    }
    return null;
  }
}
