package dev.vigil.layer;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.spi.FileFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executables wanted by content ({@link FileFilter#executableMarkers()}): which files the collector
 * keeps, and what the overlay reports as touched, with the real Go binary of {@code lang/go}.
 */
class ExecutableMarkersTest {
  private static final byte[] MARKER = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final FileFilter GO =
      FileFilter.executablesContaining(MARKER).or(FileFilter.exactly("etc/os-release"));

  @TempDir Path tmp;

  private static byte[] goBinary() throws IOException {
    return Files.readAllBytes(fixture("lang/go/main-version-via-ldflags.elf"));
  }

  private LayerSnapshot collect(byte[] tar) throws IOException {
    return new LayerCollector(GO, 1 << 16, tmp).collect(TestLayers.inMemory(tar));
  }

  @Test
  void keepsOnlyExecutableElfFilesHoldingTheMarker() throws IOException {
    byte[] go = goBinary();
    byte[] tar =
        new TestLayers.TarBuilder()
            .executable("usr/local/bin/app", go)
            .file("usr/local/bin/not-executable", go)
            .executable("usr/bin/other-elf", Arrays.copyOf(go, 4096))
            .executable(
                "usr/bin/script",
                "#!/bin/sh\n# \u00ff Go buildinf:\n".getBytes(StandardCharsets.ISO_8859_1))
            .hardLink("usr/local/bin/app-link", "usr/local/bin/app")
            .file("etc/os-release", "ID=test\n")
            .build();
    try (LayerSnapshot snapshot = collect(tar)) {
      assertThat(snapshot.files().keySet())
          .containsExactly("etc/os-release", "usr/local/bin/app", "usr/local/bin/app-link");
      assertThat(snapshot.executables())
          .containsExactly("usr/local/bin/app", "usr/local/bin/app-link");
      assertThat(snapshot.files().get("usr/local/bin/app").spooled()).isTrue();
      assertThat(snapshot.unkeptPaths())
          .contains("usr/local/bin/not-executable", "usr/bin/other-elf", "usr/bin/script");
    }
  }

  @Test
  void theOverlayTellsWhenAMarkedExecutableComesOrGoes() throws IOException {
    byte[] base = new TestLayers.TarBuilder().executable("app/server", goBinary()).build();
    byte[] unrelated = new TestLayers.TarBuilder().file("app/config.yaml", "a: 1\n").build();
    byte[] removal = new TestLayers.TarBuilder().whiteout("app/server").build();
    try (OverlayTree tree = new OverlayTree()) {
      OverlayTree.Changes added = tree.apply(collect(base));
      assertThat(added.executables()).containsExactly("app/server");
      assertThat(added.wantedBy(GO)).isTrue();
      assertThat(added.wantedBy(FileFilter.exactly("etc/os-release"))).isFalse();

      assertThat(tree.apply(collect(unrelated)).wantedBy(GO)).isFalse();

      OverlayTree.Changes removed = tree.apply(collect(removal));
      assertThat(removed.executables()).containsExactly("app/server");
      assertThat(removed.wantedBy(GO)).isTrue();
      assertThat(tree.list("")).isEmpty();
    }
  }

  @Test
  void directoryLayersReportTheExecuteBit() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("root/bin"));
    Files.write(bin.resolve("app"), goBinary());
    Files.setPosixFilePermissions(bin.resolve("app"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.write(bin.resolve("data"), goBinary());
    try (LayerSnapshot snapshot =
        new LayerCollector(GO).collect(DirectoryLayer.of(tmp.resolve("root")))) {
      assertThat(snapshot.executables()).containsExactly("bin/app");
    }
  }

  @Test
  void findsAMarkerSplitAcrossReads() throws IOException {
    byte[] content = new byte[100];
    System.arraycopy(MARKER, 0, content, 45, MARKER.length);
    MarkerSearch search = new MarkerSearch(new ByteArrayInputStream(content), List.of(MARKER));
    byte[] buffer = new byte[50];
    assertThat(search.read(buffer, 0, buffer.length)).isEqualTo(50);
    assertThat(search.found()).isFalse();
    assertThat(search.read(buffer, 0, buffer.length)).isEqualTo(50);
    assertThat(search.found()).isTrue();

    MarkerSearch none =
        new MarkerSearch(
            InputStream.nullInputStream(), List.of("x".getBytes(StandardCharsets.UTF_8)));
    none.readAllBytes();
    assertThat(none.found()).isFalse();
  }
}
