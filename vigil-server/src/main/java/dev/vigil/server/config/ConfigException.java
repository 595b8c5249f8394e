package dev.vigil.server.config;

/** The configuration is invalid; the message starts with {@code config:} and names the key. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with its message. */
  public ConfigException(String message) {
    super(message);
  }
}
