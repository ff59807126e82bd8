package io.newsflow.streams.support;

import io.newsflow.avro.DeadLetter;
import java.util.Objects;

/**
 * What a stage made of one record: a value to pass on, or a dead letter saying why it could not. Stages
 * return it instead of throwing so that one bad record never stops the application.
 */
public sealed interface Outcome<T> {

  static <T> Outcome<T> ok(T value) {
    return new Ok<>(Objects.requireNonNull(value));
  }

  static <T> Outcome<T> failed(DeadLetter deadLetter) {
    return new Failed<>(Objects.requireNonNull(deadLetter));
  }

  default boolean isFailed() {
    return this instanceof Failed;
  }

  default T value() {
    if (this instanceof Ok<T> ok) {
      return ok.get();
    }
    throw new IllegalStateException("a failed outcome has no value");
  }

  default DeadLetter deadLetter() {
    if (this instanceof Failed<T> failed) {
      return failed.letter();
    }
    throw new IllegalStateException("a successful outcome has no dead letter");
  }

  /** A value to pass on. */
  record Ok<T>(T get) implements Outcome<T> {}

  /** A record the stage could not handle. */
  record Failed<T>(DeadLetter letter) implements Outcome<T> {}
}
