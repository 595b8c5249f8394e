package dev.vigil.cli.klar;

import java.io.IOException;

/** The server answered 404 where an API should be: try the next API version. */
final class ClairApiMissingException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error with this message. */
  ClairApiMissingException(String message) {
    super(message);
  }
}
