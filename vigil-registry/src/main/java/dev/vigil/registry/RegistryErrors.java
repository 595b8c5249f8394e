package dev.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the OCI distribution error body, {@code {"errors":[{"code","message"}]}}, for messages. */
final class RegistryErrors {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;

  private RegistryErrors() {}

  /**
   * The status and the registry's error codes and messages, e.g. {@code 404 MANIFEST_UNKNOWN:
   * manifest unknown}; the reply is read (up to 64 KiB) and closed.
   */
  static String describe(Reply reply) {
    List<String> errors = new ArrayList<>();
    try (reply) {
      JsonNode body = MAPPER.readTree(reply.body().readNBytes(MAX_BODY));
      for (JsonNode error : body == null ? MAPPER.missingNode() : body.path("errors")) {
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        errors.add(message.isEmpty() ? code : code + ": " + message);
      }
    } catch (IOException e) {
      // a body that is not the error JSON: the status says enough
    }
    return errors.isEmpty()
        ? String.valueOf(reply.status())
        : reply.status() + " " + String.join("; ", errors);
  }
}
