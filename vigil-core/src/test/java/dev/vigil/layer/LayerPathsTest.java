package dev.vigil.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LayerPathsTest {

  @ParameterizedTest
  @CsvSource({
    "./etc/x, etc/x",
    "etc//./x/, etc/x",
    "a/../b, b",
    "./, ''",
    "'', ''",
    "./var/run/, var/run",
    "lib/apk/db/installed, lib/apk/db/installed"
  })
  void normalizesStoredPaths(String stored, String normalized) {
    assertThat(LayerPaths.normalize(stored)).contains(normalized);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "./../x",
        "a/../../x",
        "/../etc/passwd",
        "/etc/x",
        "..",
        "a/b/../../..",
        "a\0b"
      })
  void reportsPathsEscapingTheRoot(String stored) {
    assertThat(LayerPaths.normalize(stored)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "/../secret.txt, secret.txt",
    "dir1/../../secret.txt, secret.txt",
    "/dir1/./sample.txt, dir1/sample.txt",
    "../.., ''"
  })
  void clampsAtTheRootLikeAChroot(String path, String clamped) {
    assertThat(LayerPaths.clamp(path)).isEqualTo(clamped);
  }

  @ParameterizedTest
  @CsvSource({"etc/os-release, etc, os-release", "bin, '', bin"})
  void splitsParentAndName(String path, String parent, String name) {
    assertThat(LayerPaths.parent(path)).isEqualTo(parent);
    assertThat(LayerPaths.name(path)).isEqualTo(name);
    assertThat(LayerPaths.join(parent, name)).isEqualTo(path);
  }
}
