package dev.vigil.ecosystem.alpine;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Distribution;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlpineReleaseScannerTest {
  private final AlpineReleaseScanner scanner = new AlpineReleaseScanner();

  private static Distribution alpine(String versionId, String prettyName) {
    return new Distribution(
        "", "alpine", "Alpine Linux", versionId, "", versionId, "", "", prettyName);
  }

  @Test
  void readsOsRelease() throws IOException {
    MemoryTree tree = MemoryTree.ofDirectory(fixture("os-release/alpine"));

    assertThat(scanner.scan(tree)).contains(alpine("3.11.6", "Alpine Linux v3.11"));
  }

  @Test
  void readsEdgeOsRelease() throws IOException {
    MemoryTree tree = MemoryTree.ofDirectory(fixture("os-release/alpine-edge"));

    assertThat(scanner.scan(tree))
        .contains(alpine("3.22.0_alpha20250108", "Alpine Linux edge"))
        .flatMap(AlpineRelease::secdbBranch)
        .contains("edge");
  }

  @Test
  void readsTheRootfsOfAlpine31212() throws IOException {
    MemoryTree tree =
        MemoryTree.ofTarGz(
            fixture("rootfs/alpine/alpine-minirootfs-3.12.12-x86_64.tar.gz"),
            scanner.files()::wants);

    assertThat(tree.paths()).containsExactly("etc/alpine-release", "etc/os-release");
    assertThat(scanner.scan(tree)).contains(alpine("3.12.12", "Alpine Linux v3.12"));
  }

  @Test
  void fallsBackToAlpineRelease() throws IOException {
    MemoryTree tree =
        MemoryTree.ofTarGz(
            fixture("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"),
            AlpineReleaseScanner.ALPINE_RELEASE::equals);

    assertThat(scanner.scan(tree))
        .contains(alpine("3.20.3", "Alpine Linux v3.20"))
        .flatMap(AlpineRelease::secdbBranch)
        .contains("v3.20");
  }

  @Test
  void ignoresOtherDistributions() throws IOException {
    for (String other : new String[] {"postmarketos", "postmarketos-edge", "ubuntu", "wolfi"}) {
      assertThat(scanner.scan(MemoryTree.ofDirectory(fixture("os-release/" + other))))
          .as(other)
          .isEmpty();
    }
    assertThat(scanner.scan(MemoryTree.ofDirectory(fixture("os-release/busybox")))).isEmpty();
  }

  @Test
  void ignoresAnAlpineReleaseBesideAnotherOsRelease() throws IOException {
    MemoryTree tree =
        MemoryTree.of(
            Map.of(
                "etc/os-release", fixture("os-release/postmarketos/etc/os-release"),
                "etc/alpine-release", fixture("os-release/alpine/etc/os-release")));

    assertThat(scanner.scan(tree)).isEmpty();
  }

  @Test
  void ignoresAnAlpineReleaseThatIsNoVersion() throws IOException {
    MemoryTree tree =
        MemoryTree.of(Map.of("etc/alpine-release", fixture("os-release/alpine/etc/os-release")));

    assertThat(scanner.scan(tree)).isEmpty();
  }

  @Test
  void declaresItsFiles() {
    assertThat(scanner.name()).isEqualTo("alpine");
    assertThat(scanner.files().wants("etc/alpine-release")).isTrue();
    assertThat(scanner.files().wants("etc/os-release")).isTrue();
    assertThat(scanner.files().wants("etc/issue")).isFalse();
  }
}
