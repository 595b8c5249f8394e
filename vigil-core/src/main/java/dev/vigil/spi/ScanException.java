package dev.vigil.spi;

import java.io.IOException;

/**
 * Input that cannot be read as what it claims to be: a corrupt layer, a malformed package database.
 * The message starts with the component, e.g. {@code "apk: stanza 3 has no version"}.
 */
public class ScanException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that names the component. */
  public ScanException(String message) {
    super(message);
  }

  /** An error with a message that names the component, and its cause. */
  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
