package dev.vigil.image;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the JSON documents of image inputs: manifests, indexes, configs. */
final class ImageJson {

  /** The largest JSON document read: registries cap manifests at 4 MiB. */
  static final int MAX_DOCUMENT = 4 << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ImageJson() {}

  /**
   * Parses a JSON document.
   *
   * @throws ScanException when it is not valid JSON
   */
  static JsonNode parse(byte[] bytes, String component, String what) throws ScanException {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new ScanException(component + ": " + what + " is empty");
      }
      return node;
    } catch (JacksonException e) {
      String reason = e.getOriginalMessage().lines().findFirst().orElse("");
      throw new ScanException(component + ": " + what + " is not valid JSON: " + reason, e);
    } catch (IOException e) {
      throw new ScanException(component + ": " + what + " cannot be parsed: " + e.getMessage(), e);
    }
  }

  /** Reads and parses the named file. */
  static JsonNode read(ImageFiles files, String name, String component) throws IOException {
    return parse(files.read(name, MAX_DOCUMENT, component), component, name);
  }

  /** The field of that name, matched ignoring case (docker archives vary); missing when absent. */
  static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.path(name);
    if (!exact.isMissingNode()) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return exact;
  }

  /** The text values of an array field; empty when absent. */
  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  /**
   * Parses a digest field.
   *
   * @throws ScanException when it is missing or malformed
   */
  static Digest digest(JsonNode value, String component, String what) throws ScanException {
    try {
      return Digest.parse(value.asText(null));
    } catch (IllegalArgumentException e) {
      throw new ScanException(component + ": " + what + " has a malformed digest: " + value, e);
    }
  }
}
