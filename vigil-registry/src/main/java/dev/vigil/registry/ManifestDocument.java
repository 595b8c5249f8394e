package dev.vigil.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest or index as fetched: its digest, what kind it is, and its descriptors.
 *
 * @param digest the digest of its exact bytes
 * @param index true for an image index or manifest list, false for an image manifest
 * @param config the image config descriptor of a manifest, or null for an index
 * @param layers the layers of a manifest, base first; empty for an index
 * @param manifests the entries of an index; empty for a manifest
 */
record ManifestDocument(
    Digest digest,
    boolean index,
    Descriptor config,
    List<Descriptor> layers,
    List<Descriptor> manifests) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Parses a document.
   *
   * @param contentType the response's {@code Content-Type}, or empty
   * @param what the document, for messages, e.g. {@code 127.0.0.1:5000/rig/tiny:1.0}
   * @throws RegistryException when it is Docker schema 1, not JSON, of an unknown type, or has
   *     malformed descriptors
   */
  static ManifestDocument parse(byte[] bytes, Digest digest, String contentType, String what)
      throws RegistryException {
    ManifestJson json;
    try {
      json = MAPPER.readValue(bytes, ManifestJson.class);
    } catch (JacksonException e) {
      throw new RegistryException(
          "registry: the manifest of " + what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RegistryException("registry: cannot parse the manifest of " + what, e);
    }
    String type = mediaType(contentType, json);
    if (type.startsWith("application/vnd.docker.distribution.manifest.v1")
        || Integer.valueOf(1).equals(json.schemaVersion())) {
      throw new RegistryException(
          "registry: "
              + what
              + " is a Docker schema 1 manifest, which is deprecated and not supported;"
              + " push the image again with a current Docker or skopeo to get schema 2 or OCI");
    }
    boolean index =
        MediaTypes.INDEXES.contains(type) || (type.isEmpty() && json.manifests() != null);
    boolean manifest =
        MediaTypes.MANIFESTS.contains(type) || (type.isEmpty() && json.layers() != null);
    if (!index && !manifest) {
      throw new RegistryException(
          "registry: " + what + " has an unsupported manifest type '" + type + "'");
    }
    if (index) {
      return new ManifestDocument(
          digest, true, null, List.of(), descriptors(json.manifests(), what));
    }
    if (json.config() == null) {
      throw new RegistryException("registry: the manifest of " + what + " has no config");
    }
    return new ManifestDocument(
        digest,
        false,
        descriptor(json.config(), what),
        descriptors(json.layers(), what),
        List.of());
  }

  private static String mediaType(String contentType, ManifestJson json) {
    String type = contentType == null ? "" : contentType;
    int semicolon = type.indexOf(';');
    type = (semicolon >= 0 ? type.substring(0, semicolon) : type).trim();
    boolean generic =
        type.isEmpty() || type.equals("application/json") || type.equals("text/plain");
    return generic && json.mediaType() != null ? json.mediaType() : generic ? "" : type;
  }

  private static List<Descriptor> descriptors(List<ManifestJson.DescriptorJson> all, String what)
      throws RegistryException {
    List<Descriptor> descriptors = new ArrayList<>();
    for (ManifestJson.DescriptorJson one :
        all == null ? List.<ManifestJson.DescriptorJson>of() : all) {
      descriptors.add(descriptor(one, what));
    }
    return descriptors;
  }

  private static Descriptor descriptor(ManifestJson.DescriptorJson json, String what)
      throws RegistryException {
    Digest digest;
    try {
      digest = Digest.parse(json.digest());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          "registry: the manifest of " + what + " has a malformed digest: " + json.digest(), e);
    }
    ManifestJson.PlatformJson p = json.platform();
    Platform platform =
        p == null || p.os() == null || p.architecture() == null
            ? null
            : new Platform(p.os(), p.architecture(), p.variant());
    return new Descriptor(
        json.mediaType() == null ? "" : json.mediaType(),
        digest,
        json.size() == null ? -1 : json.size(),
        platform);
  }
}
