package io.newsflow.registry.server;

import io.newsflow.registry.client.SchemaRegistryException;
import java.util.Locale;

/** Confluent's compatibility levels: which earlier versions a new schema is checked against, and in which direction. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** Confluent's default for a registry nobody configured. */
  public static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** Consumers on the new schema must read data written with old ones. */
  public boolean newReadsOld() {
    return newReadsOld;
  }

  /** Consumers still on old schemas must read data written with the new one. */
  public boolean oldReadsNew() {
    return oldReadsNew;
  }

  /** Checked against every live version, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** Parses a level case-insensitively, as Confluent does; 42203 for anything else. */
  public static CompatibilityLevel parse(String text) {
    if (text != null) {
      for (CompatibilityLevel level : values()) {
        if (level.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
          return level;
        }
      }
    }
    throw new SchemaRegistryException(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, "
            + "forward_transitive, and full_transitive");
  }
}
