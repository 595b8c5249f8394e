package dev.vigil.registry;

import java.util.Set;

/** The media types of manifests, indexes and image configs that the registry client knows. */
final class MediaTypes {
  /** An OCI image index. */
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  /** An OCI image manifest. */
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  /** A Docker v2 manifest list. */
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

  /** A Docker v2 schema 2 manifest. */
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  /** A Docker schema 1 manifest, signed. */
  static final String DOCKER_SCHEMA1_SIGNED =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";

  /** A Docker schema 1 manifest. */
  static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";

  /**
   * The {@code Accept} value of every manifest request: all four current types, so a registry never
   * falls back to schema 1 or hides an OCI index, then schema 1 last so that a schema 1-only image
   * gets a clear error rather than a 404.
   */
  static final String ACCEPT =
      String.join(
          ", ",
          OCI_INDEX,
          OCI_MANIFEST,
          DOCKER_LIST,
          DOCKER_MANIFEST,
          DOCKER_SCHEMA1_SIGNED,
          DOCKER_SCHEMA1);

  /** The indexes. */
  static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);

  /** The image manifests. */
  static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);

  /** The config types of container images, as opposed to other OCI artifacts. */
  static final Set<String> IMAGE_CONFIGS =
      Set.of(
          "application/vnd.oci.image.config.v1+json",
          "application/vnd.docker.container.image.v1+json");

  private MediaTypes() {}
}
