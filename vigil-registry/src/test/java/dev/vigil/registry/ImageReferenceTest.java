package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Docker's reference normalization (distribution/reference's ParseNormalizedNamed). */
class ImageReferenceTest {
  private static final String DIGEST =
      "sha256:a672a3177672b535af3fc3deb14f03306ed2bfbaa4111a4ae0d427d7fdf63bc8";

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "alpine, docker.io, library/alpine, latest",
        "alpine:3.20, docker.io, library/alpine, 3.20",
        "library/alpine:3.20, docker.io, library/alpine, 3.20",
        "docker.io/alpine, docker.io, library/alpine, latest",
        "index.docker.io/library/alpine:edge, docker.io, library/alpine, edge",
        "bitnami/redis:7, docker.io, bitnami/redis, 7",
        "127.0.0.1:5000/rig/debian-minbase:bookworm, 127.0.0.1:5000, rig/debian-minbase, bookworm",
        "localhost/app, localhost, app, latest",
        "localhost:5000/a/b/c:v1.2_3-x, localhost:5000, a/b/c, v1.2_3-x",
        "quay.io/projectquay/clair:4.8, quay.io, projectquay/clair, 4.8",
        "Registry/app, Registry, app, latest",
        "[::1]:5000/app:1, [::1]:5000, app, 1",
        "my_org/app__name, docker.io, my_org/app__name, latest"
      })
  void normalizesAsDockerDoes(String text, String registry, String repository, String tag) {
    ImageReference reference = ImageReference.parse(text);

    assertThat(reference).isEqualTo(new ImageReference(registry, repository, tag, null));
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:5000/rig/tiny@" + DIGEST + ", 127.0.0.1:5000/rig/tiny@" + DIGEST,
    "rig/tiny:1.0@" + DIGEST + ", docker.io/rig/tiny:1.0@" + DIGEST,
    "alpine, docker.io/library/alpine:latest"
  })
  void keepsDigestsAndPrintsTheFullName(String text, String full) {
    ImageReference reference = ImageReference.parse(text);

    assertThat(reference).hasToString(full);
    assertThat(reference.manifestReference())
        .isEqualTo(reference.digest() != null ? DIGEST : reference.tag());
  }

  @ParameterizedTest
  @CsvSource({"alpine, registry-1.docker.io", "127.0.0.1:5000/x, 127.0.0.1:5000"})
  void sendsDockerHubRequestsToItsApiHost(String text, String host) {
    assertThat(ImageReference.parse(text).apiHost()).isEqualTo(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Alpine",
        "docker.io/Library/alpine",
        "alpine:",
        "alpine:-bad",
        "alpine@sha256:short",
        "a//b",
        "-alpine",
        "host:port:5000/x",
        "a672a3177672b535af3fc3deb14f03306ed2bfbaa4111a4ae0d427d7fdf63bc8"
      })
  void refusesMalformedReferences(String text) {
    assertThatThrownBy(() -> ImageReference.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("registry: invalid image reference '" + text + "': ");
  }
}
