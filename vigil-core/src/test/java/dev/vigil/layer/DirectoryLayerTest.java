package dev.vigil.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLayerTest {
  @TempDir Path root;

  @Test
  void walksSortedWithoutFollowingLinks() throws IOException {
    Files.createDirectories(root.resolve("usr/lib"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("usr/lib/os-release"), "ID=debian\n");
    Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
    Files.createSymbolicLink(root.resolve("etc/busybox"), Path.of("/bin/busybox"));
    Files.writeString(root.resolve("b.txt"), "b");

    List<String> entries = new ArrayList<>();
    DirectoryLayer.of(root)
        .read(entry -> entries.add(entry.type() + " " + entry.path() + " " + entry.linkTarget()));

    assertThat(entries)
        .containsExactly(
            "FILE b.txt ",
            "DIRECTORY etc ",
            "SYMLINK etc/busybox /bin/busybox",
            "SYMLINK etc/os-release ../usr/lib/os-release",
            "DIRECTORY usr ",
            "DIRECTORY usr/lib ",
            "FILE usr/lib/os-release ");
  }

  @Test
  void digestIsDeterministicAndFollowsTheDocumentedRule() throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/alpine-release"), "3.20.3\n");
    Files.createSymbolicLink(root.resolve("etc/link"), Path.of("alpine-release"));

    String text =
        "etc\0DIRECTORY\0\0"
            + "0\0"
            + "etc/alpine-release\0FILE\0\0"
            + "7\0"
            + "3.20.3\n"
            + "etc/link\0SYMLINK\0alpine-release\0"
            + "0\0";

    assertThat(DirectoryLayer.of(root).digest())
        .isEqualTo(Digest.sha256(text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(DirectoryLayer.of(root).digest());
  }

  @Test
  void digestChangesWithContent() throws IOException {
    Files.writeString(root.resolve("f"), "one");
    Digest before = DirectoryLayer.of(root).digest();
    Files.writeString(root.resolve("f"), "two");

    assertThat(DirectoryLayer.of(root).digest()).isNotEqualTo(before);
  }

  @Test
  void servesFileContentDuringTheVisit() throws IOException {
    Path installed = Fixtures.fixture("pkgdb/apk/alpine-3.18ish/installed");
    Files.createDirectories(root.resolve("lib/apk/db"));
    Files.copy(installed, root.resolve("lib/apk/db/installed"));
    List<byte[]> contents = new ArrayList<>();

    DirectoryLayer.of(root)
        .read(
            entry -> {
              try (InputStream content = entry.content()) {
                contents.add(content.readAllBytes());
              }
            });

    assertThat(contents).last().isEqualTo(Files.readAllBytes(installed));
  }

  @Test
  void rejectsAMissingDirectory() {
    assertThatThrownBy(() -> DirectoryLayer.of(root.resolve("missing")))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("dir: not a directory: ");
  }
}
