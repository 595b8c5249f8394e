package dev.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials of Docker's {@code config.json}: {@code credHelpers} (a helper per registry),
 * then {@code credsStore} (one helper for all), then {@code auths} (inline {@code auth} or {@code
 * username}/{@code password}). Keys are matched on their host, so {@code https://host/v2/} and
 * {@code host} are the same registry, and Docker Hub's aliases all mean {@code docker.io}.
 */
final class DockerConfig {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> HUB_ALIASES =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io");
  private static final String HUB_SERVER_URL = "https://index.docker.io/v1/";

  private final Path file;
  private final JsonNode root;

  private DockerConfig(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /**
   * Reads the file; a missing file is an empty config.
   *
   * @throws RegistryException when the file is not valid JSON
   */
  static DockerConfig load(Path file) throws RegistryException {
    if (file == null) {
      return new DockerConfig(null, MissingNode.getInstance());
    }
    try {
      JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
      return new DockerConfig(file, root == null ? MissingNode.getInstance() : root);
    } catch (NoSuchFileException e) {
      return new DockerConfig(file, MissingNode.getInstance());
    } catch (IOException e) {
      throw new RegistryException("registry: cannot read Docker config " + file + ": " + e, e);
    }
  }

  /**
   * The credential stored for {@code registry}, if any.
   *
   * @throws RegistryException when a credential helper fails
   */
  Optional<Credential> credential(String registry, CredentialHelper helpers)
      throws RegistryException {
    String host = normalize(registry);
    String serverUrl = host.equals(ImageReference.DOCKER_HUB) ? HUB_SERVER_URL : host;
    Optional<String> helper = matching(root.path("credHelpers"), host).map(JsonNode::asText);
    if (helper.isEmpty() && root.path("credsStore").isTextual()) {
      helper = Optional.of(root.path("credsStore").asText());
    }
    if (helper.isPresent() && !helper.get().isBlank()) {
      Optional<Credential> found = helpers.get(helper.get(), serverUrl);
      if (found.isPresent()) {
        return found;
      }
    }
    return matching(root.path("auths"), host).flatMap(this::inline);
  }

  private Optional<Credential> inline(JsonNode entry) {
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = pair.indexOf(':');
      return colon <= 0
          ? Optional.empty()
          : Optional.of(new Credential(pair.substring(0, colon), pair.substring(colon + 1)));
    }
    String username = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    return username.isEmpty() ? Optional.empty() : Optional.of(new Credential(username, password));
  }

  private static Optional<JsonNode> matching(JsonNode object, String host) {
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (normalize(entry.getKey()).equals(host)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The host[:port] of a registry key such as {@code https://index.docker.io/v1/}. */
  static String normalize(String key) {
    String host = key.trim().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return HUB_ALIASES.contains(host) ? ImageReference.DOCKER_HUB : host;
  }

  /** The file read, for messages; null when none. */
  Path file() {
    return file;
  }
}
