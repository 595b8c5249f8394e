package dev.vigil.registry;

import dev.vigil.model.Digest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * GETs a manifest or index ({@code /v2/NAME/manifests/REF}) with the full {@code Accept} list,
 * checks its bytes against the digest it was asked by (or the registry's {@code
 * Docker-Content-Digest}, except for signed schema 1, whose digest covers the payload without its
 * signatures) and parses it. One attempt; the caller retries.
 */
final class ManifestPuller {
  private static final int MAX_BYTES = 4 << 20;

  private ManifestPuller() {}

  /**
   * Pulls the manifest that {@code reference} (a tag or digest) names.
   *
   * @param expected the descriptor that pointed here, or null for a tag or the user's digest
   * @param what the image, for messages
   * @throws RegistryException when it is missing, too large, does not match its digest or size, or
   *     cannot be parsed
   */
  static ManifestDocument pull(
      RegistryEndpoint endpoint,
      String repository,
      String reference,
      Descriptor expected,
      String what)
      throws IOException {
    byte[] bytes;
    String contentType;
    Optional<String> announced;
    try (Reply reply =
        endpoint.get(repository, "manifests/" + reference, Map.of("Accept", MediaTypes.ACCEPT))) {
      if (reply.status() == 404) {
        throw new RegistryException(
            "registry: "
                + what
                + ": no such image (no manifest "
                + reference
                + " in "
                + repository
                + ": "
                + RegistryErrors.describe(reply)
                + ")");
      }
      if (reply.status() != 200) {
        throw new RegistryException(
            "registry: GET manifest " + what + " answered " + RegistryErrors.describe(reply));
      }
      contentType = reply.header("Content-Type").orElse("");
      announced = reply.header("Docker-Content-Digest");
      bytes = reply.body().readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new RegistryException(
          "registry: the manifest of " + what + " is larger than " + MAX_BYTES + " bytes");
    }
    if (contentType.startsWith("application/vnd.docker.distribution.manifest.v1")) {
      announced = Optional.empty();
    }
    Digest digest = check(bytes, reference, expected, announced, what);
    return ManifestDocument.parse(bytes, digest, contentType, what);
  }

  private static Digest check(
      byte[] bytes, String reference, Descriptor expected, Optional<String> announced, String what)
      throws IOException {
    Digest asked = expected != null ? expected.digest() : digestOrNull(reference);
    if (asked != null) {
      VerifyingInputStream.check(bytes, asked, "registry");
      if (expected != null && expected.size() >= 0 && expected.size() != bytes.length) {
        throw new RegistryException(
            "registry: manifest "
                + asked
                + " of "
                + what
                + " is "
                + bytes.length
                + " bytes, not the "
                + expected.size()
                + " its index says");
      }
      return asked;
    }
    Digest actual = Digest.sha256(bytes);
    Digest claimed = announced.map(ManifestPuller::digestOrNull).orElse(null);
    if (claimed != null && claimed.algorithm().equals("sha256") && !claimed.equals(actual)) {
      throw new RegistryException(
          "registry: the manifest of "
              + what
              + " hashes to "
              + actual
              + " but the registry says "
              + claimed);
    }
    return actual;
  }

  private static Digest digestOrNull(String text) {
    try {
      return text.contains(":") ? Digest.parse(text) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
