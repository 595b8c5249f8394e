package dev.vigil.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the credential for a registry: the one given explicitly (flags or environment) for every
 * registry, else what Docker's {@code config.json} holds for it. Docker's config and its helpers
 * are only consulted when a registry asks for credentials, once per registry. Thread-safe.
 */
final class Credentials {
  private final Credential explicit;
  private final RegistrySettings settings;
  private final Map<String, Optional<Credential>> found = new ConcurrentHashMap<>();

  Credentials(RegistrySettings settings) {
    this.explicit = settings.credential();
    this.settings = settings;
  }

  /**
   * The credential for {@code registry} (host[:port], {@code docker.io} for Docker Hub).
   *
   * @throws RegistryException when Docker's config is malformed or a credential helper fails
   */
  Optional<Credential> forRegistry(String registry) throws RegistryException {
    if (explicit != null) {
      return Optional.of(explicit);
    }
    Optional<Credential> known = found.get(registry);
    if (known != null) {
      return known;
    }
    DockerConfig config = DockerConfig.load(settings.dockerConfig());
    CredentialHelper helpers = new CredentialHelper(settings.helperPath(), settings.timeout());
    Optional<Credential> credential = config.credential(registry, helpers);
    found.put(registry, credential);
    return credential;
  }
}
