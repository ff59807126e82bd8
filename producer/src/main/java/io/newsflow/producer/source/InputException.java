package io.newsflow.producer.source;

/**
 * An input the producer skips, with the one-line reason that goes into the summary. Checked, so every
 * reader says where its items can fail.
 */
final class InputException extends Exception {

  InputException(String reason) {
    super(reason, null, false, false);
  }

  String reason() {
    return getMessage();
  }
}
