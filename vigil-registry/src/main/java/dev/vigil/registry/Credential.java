package dev.vigil.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password (or token) for a registry.
 *
 * @param username the user name
 * @param password the password or access token
 */
public record Credential(String username, String password) {

  /** Checks that both parts are present. */
  public Credential {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** The value of an {@code Authorization} header for HTTP Basic authentication. */
  public String basicAuthorization() {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** The credential without its password, so it can be logged. */
  @Override
  public String toString() {
    return "Credential[username=" + username + ", password=***]";
  }
}
