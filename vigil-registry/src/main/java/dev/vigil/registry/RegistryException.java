package dev.vigil.registry;

import java.io.IOException;

/**
 * A registry operation failed: the registry is unreachable, refused the credentials, has no such
 * image, or sent something that is not what was asked for. The message starts with {@code
 * registry:} and says what to do when there is something to do.
 */
public class RegistryException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that starts with {@code registry:}. */
  public RegistryException(String message) {
    super(message);
  }

  /** An error with a message that starts with {@code registry:}, and its cause. */
  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
