package dev.vigil.cli.klar;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * klar's whitelist file: vulnerability names ignored for every image ({@code general}) and per
 * image repository ({@code images}). Unlike klar, an official image may be listed by its short
 * name: {@code alpine} also matches {@code library/alpine}.
 */
public final class Whitelist {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String LIBRARY = "library/";

  private final Set<String> general;
  private final Map<String, Set<String>> images;

  private Whitelist(Set<String> general, Map<String, Set<String>> images) {
    this.general = general;
    this.images = images;
  }

  /** A whitelist that keeps everything. */
  public static Whitelist empty() {
    return new Whitelist(Set.of(), Map.of());
  }

  /**
   * Reads a whitelist file.
   *
   * @throws IOException with klar's message when the file cannot be read or is not the YAML shape
   */
  public static Whitelist read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("could not read file " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = YAML.readTree(bytes);
    } catch (JacksonException e) {
      throw new IOException("could not unmarshal " + e.getOriginalMessage(), e);
    }
    Set<String> general = new HashSet<>();
    Map<String, Set<String>> images = new HashMap<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new IOException("could not unmarshal: the whitelist is not a mapping");
      }
      general.addAll(names(root.get("general"), "general"));
      JsonNode perImage = root.get("images");
      if (perImage != null && !perImage.isNull()) {
        if (!perImage.isObject()) {
          throw new IOException("could not unmarshal: images is not a mapping");
        }
        for (var it = perImage.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          images.put(e.getKey(), new HashSet<>(names(e.getValue(), "images." + e.getKey())));
        }
      }
    }
    return new Whitelist(general, images);
  }

  /** The findings of {@code repository} (e.g. {@code library/alpine}) that are not whitelisted. */
  public List<KlarVulnerability> filter(List<KlarVulnerability> findings, String repository) {
    Set<String> forImage = new HashSet<>(images.getOrDefault(repository, Set.of()));
    if (repository.startsWith(LIBRARY)) {
      forImage.addAll(images.getOrDefault(repository.substring(LIBRARY.length()), Set.of()));
    }
    return findings.stream()
        .filter(v -> !general.contains(v.name()) && !forImage.contains(v.name()))
        .toList();
  }

  private static List<String> names(JsonNode node, String where) throws IOException {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IOException("could not unmarshal: " + where + " is not a list");
    }
    return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
  }
}
