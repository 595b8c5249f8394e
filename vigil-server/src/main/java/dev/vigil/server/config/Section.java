package dev.vigil.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** One mapping of the YAML configuration, read with typed getters that name the full key. */
final class Section {
  private final String path;
  private final ObjectNode node;

  Section(String path, JsonNode node) {
    this.path = path;
    if (node == null || node.isNull() || node.isMissingNode()) {
      this.node = JsonNodeFactory.instance.objectNode();
    } else if (node.isObject()) {
      this.node = (ObjectNode) node;
    } else {
      throw new ConfigException("config: " + display() + " must be a mapping");
    }
  }

  /** The nested mapping under {@code key}, empty when absent. */
  Section section(String key) {
    return new Section(key(key), node.get(key));
  }

  /** True when {@code key} is set. */
  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** The keys of this mapping. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /**
   * Fails on a key that is neither {@code known} nor {@code ignored}; adds a warning for each
   * ignored key that is present (Clair settings Vigil does not use).
   */
  void checkKeys(Set<String> known, Set<String> ignored, List<String> warnings) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (ignored.contains(key)) {
        warnings.add("config: " + key(key) + " is a Clair setting that Vigil does not use");
      } else if (!known.contains(key)) {
        throw new ConfigException("config: unknown key " + key(key));
      }
    }
  }

  String string(String key, String fallback) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isValueNode()) {
      throw new ConfigException("config: " + key(key) + " must be a string");
    }
    return value.asText();
  }

  boolean bool(String key) {
    String text = string(key, "false").trim();
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw new ConfigException("config: " + key(key) + ": '" + text + "' is not true or false");
    }
    return Boolean.parseBoolean(text);
  }

  int integer(String key, int fallback) {
    long value = longInteger(key, fallback);
    if (value != (int) value) {
      throw new ConfigException("config: " + key(key) + ": " + value + " is out of range");
    }
    return (int) value;
  }

  long longInteger(String key, long fallback) {
    String text = string(key, Long.toString(fallback)).trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ConfigException("config: " + key(key) + ": '" + text + "' is not a whole number");
    }
  }

  Duration duration(String key, Duration fallback) {
    String text = string(key, null);
    return text == null ? fallback : GoDurations.parse(key(key), text);
  }

  /** A list of strings: a YAML sequence, or one comma-separated string (from the environment). */
  List<String> strings(String key) {
    JsonNode value = node.get(key);
    List<String> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (value.isArray()) {
      value.forEach(item -> items.add(item.asText().trim()));
    } else if (value.isValueNode()) {
      for (String item : value.asText().split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    } else {
      throw new ConfigException("config: " + key(key) + " must be a list of strings");
    }
    return items;
  }

  /** The full dotted name of {@code key} in this section. */
  String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String display() {
    return path.isEmpty() ? "the document" : path;
  }
}
