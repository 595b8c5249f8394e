package dev.vigil.datastore;

/** A database operation failed; the message starts with {@code store:}. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
