package dev.vigil.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Clair-style YAML configuration, applies {@code VIGIL_*} environment overrides and
 * validates the result for a mode.
 *
 * <p>Every scalar key can be overridden by an environment variable named {@code VIGIL_} plus its
 * dotted path in upper case with dots as underscores, e.g. {@code VIGIL_MATCHER_CONNSTRING} or
 * {@code VIGIL_AUTH_PSK_KEY}; lists take comma-separated values.
 */
public final class ConfigLoader {
  /** The keys that environment variables may override. */
  static final List<String> OVERRIDABLE =
      List.of(
          "http_listen_addr",
          "introspection_addr",
          "indexer.connstring",
          "indexer.fetch_timeout",
          "indexer.layer_cache",
          "indexer.index_report_request_concurrency",
          "indexer.deny_private",
          "indexer.allowed_networks",
          "indexer.upload_max_bytes",
          "matcher.connstring",
          "matcher.indexer_addr",
          "matcher.period",
          "matcher.disable_updaters",
          "matcher.update_retention",
          "matcher.cache_age",
          "updaters.sets",
          "auth.psk.key",
          "auth.psk.iss");

  private ConfigLoader() {}

  /**
   * Loads the configuration for {@code mode}.
   *
   * @param file the YAML file, or null to start from the defaults
   * @param env the environment, for {@code VIGIL_*} overrides
   * @throws ConfigException when the file cannot be read or the result is invalid
   */
  public static ServerConfig load(Mode mode, Path file, Map<String, String> env) {
    ObjectNode root = file == null ? JsonNodeFactory.instance.objectNode() : read(file);
    for (String key : OVERRIDABLE) {
      String value = env.get(envName(key));
      if (value != null) {
        put(root, key, value);
      }
    }
    return new ConfigBinder(mode, new Section("", root)).bind();
  }

  /** The environment variable that overrides {@code key}. */
  static String envName(String key) {
    return "VIGIL_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static ObjectNode read(Path file) {
    JsonNode tree;
    try {
      tree = new YAMLMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("config: cannot read " + file + ": " + firstLine(e.getMessage()));
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException("config: " + file + " must hold a YAML mapping");
    }
    return (ObjectNode) tree;
  }

  private static void put(ObjectNode root, String key, String value) {
    String[] parts = key.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
