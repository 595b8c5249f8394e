package dev.vigil.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Digest;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCollectorTest {
  private static final FileFilter EVERYTHING = path -> true;

  @TempDir Path spool;

  @Test
  void recordsFileWhiteouts() throws IOException {
    try (LayerSnapshot snapshot = collect(EVERYTHING, whiteoutLayer("whiteout.layer"))) {
      assertThat(snapshot.whiteouts()).containsExactly("etc/profile");
      assertThat(snapshot.directories()).containsExactly("etc");
      assertThat(snapshot.files()).isEmpty();
      assertThat(snapshot.unkeptPaths()).isEmpty();
    }
  }

  @Test
  void recordsWhiteoutsAtTheRootAndBelow() throws IOException {
    try (LayerSnapshot snapshot = collect(EVERYTHING, whiteoutLayer("whiteout_advanced.layer"))) {
      assertThat(snapshot.whiteouts()).containsExactly("a/a_file.txt", "a_root_file.txt", "b");
      assertThat(snapshot.opaqueDirectories()).isEmpty();
    }
  }

  @Test
  void recordsOpaqueDirectoriesButNotLookAlikes() throws IOException {
    try (LayerSnapshot snapshot = collect(EVERYTHING, whiteoutLayer("whiteout_opaque.layer"))) {
      assertThat(snapshot.opaqueDirectories()).containsExactly("a");
      assertThat(snapshot.whiteouts()).isEmpty();
      assertThat(snapshot.files()).containsOnlyKeys("b/not.a.wh..wh..opq");
    }
  }

  @Test
  void keepsOnlyWantedFilesButEverySymlink() throws IOException {
    TarLayer rootfs =
        TarLayer.ofFile(
            Digest.sha256(new byte[0]),
            Fixtures.fixture("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"));

    try (LayerSnapshot snapshot =
        collect(FileFilter.exactly("lib/apk/db/installed", "etc/os-release"), rootfs)) {
      assertThat(snapshot.files()).containsOnlyKeys("etc/os-release", "lib/apk/db/installed");
      assertThat(snapshot.symlinks()).hasSize(334).containsEntry("bin/sh", "/bin/busybox");
      assertThat(snapshot.unkeptPaths()).contains("etc/alpine-release").hasSize(85);
      assertThat(snapshot.warnings()).isEmpty();
    }
  }

  @Test
  void turnsEscapingEntriesIntoWarnings() throws IOException {
    byte[] tar =
        new TestLayers.TarBuilder()
            .file("../../etc/passwd", "root::0:0::/:/bin/sh\n")
            .file("a/../../outside", "x")
            .file("/etc/hostname", "box\n")
            .file("ok/../.wh...", "")
            .hardLink("etc/shadow", "../../etc/shadow")
            .build();

    try (LayerSnapshot snapshot = collect(EVERYTHING, TestLayers.inMemory(tar))) {
      assertThat(snapshot.files()).containsOnlyKeys("etc/hostname");
      assertThat(snapshot.unkeptPaths()).isEmpty();
      assertThat(snapshot.whiteouts()).isEmpty();
      assertThat(snapshot.warnings())
          .hasSize(4)
          .allMatch(warning -> warning.startsWith("layer sha256:"))
          .anyMatch(
              warning -> warning.endsWith("entry '../../etc/passwd' escapes the root; ignored"))
          .anyMatch(warning -> warning.contains("hard link 'etc/shadow' points out of the root"));
    }
  }

  @Test
  void storesSymlinksThatPointOutsideWithoutFollowingThem() throws IOException {
    TarLayer attack =
        TestLayers.edgeCaseLayer(
            "symlink-attack", "4c839dab784e3f2c70bcf08896a9d8345f529ffad8d3ed34487f2a4675b77558");

    try (LayerSnapshot snapshot = collect(EVERYTHING, attack)) {
      assertThat(snapshot.symlinks())
          .containsEntry("dir1/attack-symlink.txt", "../../secret.txt")
          .containsEntry("dir1/attack-symlink-absolute.txt", "/../secret.txt");
      assertThat(snapshot.files()).isEmpty();
    }
  }

  @Test
  void resolvesHardLinksToKeptFiles() throws IOException {
    TarLayer layer = TarLayer.ofFile(Digest.sha256(new byte[0]), edgeCase("hardlink.tar"));

    try (LayerSnapshot snapshot = collect(EVERYTHING, layer)) {
      assertThat(snapshot.files().get("hard.txt").readAllBytes())
          .isEqualTo("Slartibartfast\n".getBytes());
    }
    try (LayerSnapshot snapshot = collect(FileFilter.exactly("hard.txt"), layer)) {
      assertThat(snapshot.files()).isEmpty();
      assertThat(snapshot.unkeptPaths()).containsExactly("file.txt", "hard.txt");
      assertThat(snapshot.warnings())
          .singleElement()
          .asString()
          .endsWith("hard link 'hard.txt' to 'file.txt' has no kept content");
    }
  }

  @Test
  void laterEntriesOfTheSameLayerWin() throws IOException {
    try (LayerSnapshot snapshot =
        collect(
            EVERYTHING,
            TarLayer.ofFile(Digest.sha256(new byte[0]), edgeCase("claircore-concat.tar")))) {
      assertThat(snapshot.symlinks()).isEmpty();
      assertThat(snapshot.directories()).contains("var/run", "var/run/console");
      assertThat(snapshot.files()).containsOnlyKeys("run/logs/log.txt", "var/run/console/algo.txt");
    }
  }

  @Test
  void spoolsLargeFilesAndDeletesThemOnClose() throws IOException {
    Path installed = Fixtures.fixture("pkgdb/apk/alpine-3.18ish/installed");
    byte[] tar =
        new TestLayers.TarBuilder()
            .file("lib/apk/db/installed", Files.readAllBytes(installed))
            .file("etc/alpine-release", "3.18.4\n")
            .build();
    LayerCollector collector = new LayerCollector(EVERYTHING, 64, spool);

    LayerSnapshot snapshot = collector.collect(TestLayers.inMemory(tar));

    StoredFile large = snapshot.files().get("lib/apk/db/installed");
    assertThat(large.spooled()).isTrue();
    assertThat(large.readAllBytes()).isEqualTo(Files.readAllBytes(installed));
    assertThat(large.size()).isEqualTo(Files.size(installed));
    assertThat(snapshot.files().get("etc/alpine-release").spooled()).isFalse();
    assertThat(spoolFiles()).hasSize(1);
    snapshot.close();
    assertThat(spoolFiles()).isEmpty();
  }

  @Test
  void spoolsSmallFilesOnceTheLayersMemoryBudgetIsSpent() throws IOException {
    TestLayers.TarBuilder builder = new TestLayers.TarBuilder();
    for (int i = 0; i < 10; i++) {
      builder.file("srv/node_modules/p" + i + "/package.json", "x".repeat(100));
    }
    LayerCollector collector = new LayerCollector(EVERYTHING, 1 << 10, 450, spool);

    try (LayerSnapshot snapshot = collector.collect(TestLayers.inMemory(builder.build()))) {
      assertThat(snapshot.files().values().stream().filter(f -> !f.spooled())).hasSize(4);
      assertThat(snapshot.inMemoryBytes()).isEqualTo(400);
      assertThat(spoolFiles()).hasSize(6);
      assertThat(snapshot.files().get("srv/node_modules/p9/package.json").readAllBytes())
          .hasSize(100);
    }
    assertThat(spoolFiles()).isEmpty();
  }

  @Test
  void deletesSpoolFilesWhenTheLayerIsCorrupt() throws IOException {
    byte[] blob =
        TestLayers.entryOf(
            Fixtures.fixture("images/docker-archive/busybox-2019-docker-save.tar"),
            "b24e9c9282e3527f42082e754b8163cf690ff479da1eaa0278e3360174deacb4/layer.tar");
    TarLayer truncated = TestLayers.inMemory(Arrays.copyOf(blob, blob.length / 2 + 100));
    LayerCollector collector = new LayerCollector(EVERYTHING, 16, spool);

    assertThatThrownBy(() -> collector.collect(truncated)).isInstanceOf(ScanException.class);
    assertThat(spoolFiles()).isEmpty();
  }

  private LayerSnapshot collect(FileFilter filter, LayerSource layer) throws IOException {
    return new LayerCollector(filter, LayerCollector.DEFAULT_IN_MEMORY_LIMIT, spool).collect(layer);
  }

  private List<Path> spoolFiles() throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.toList();
    }
  }

  private static TarLayer whiteoutLayer(String name) throws IOException {
    Path file = Fixtures.fixture("images/layers-whiteout/" + name);
    return TarLayer.ofFile(Digest.sha256(Files.readAllBytes(file)), file);
  }

  private static Path edgeCase(String name) {
    return Fixtures.fixture("images/tar-edge-cases/" + name);
  }
}
