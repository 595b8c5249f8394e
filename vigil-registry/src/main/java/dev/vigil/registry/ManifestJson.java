package dev.vigil.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The JSON shape shared by OCI and Docker v2 manifests and indexes, kept apart from the domain (as
 * jib keeps its {@code *Template} classes): only the fields the client reads.
 *
 * @param schemaVersion 2 for current documents, 1 for Docker schema 1
 * @param mediaType the document's own media type, when it states one
 * @param config the image config descriptor of a manifest
 * @param layers the layer descriptors of a manifest, base first
 * @param manifests the entries of an index
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ManifestJson(
    Integer schemaVersion,
    String mediaType,
    DescriptorJson config,
    List<DescriptorJson> layers,
    List<DescriptorJson> manifests) {

  /**
   * A content descriptor.
   *
   * @param mediaType what the blob is
   * @param digest its digest
   * @param size its size in bytes
   * @param platform the platform of an index entry
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DescriptorJson(String mediaType, String digest, Long size, PlatformJson platform) {}

  /**
   * The platform of an index entry.
   *
   * @param os the operating system
   * @param architecture the CPU architecture
   * @param variant the CPU variant, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlatformJson(String os, String architecture, String variant) {}
}
