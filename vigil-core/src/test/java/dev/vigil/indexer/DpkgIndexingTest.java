package dev.vigil.indexer;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.debian.DebianRelease;
import dev.vigil.ecosystem.dpkg.DpkgStatusScanner;
import dev.vigil.layer.DirectoryLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing Debian root filesystems with the default scanners. */
class DpkgIndexingTest {
  @TempDir Path root;

  private Path status() throws IOException {
    Path status = root.resolve(DpkgStatusScanner.STATUS);
    Files.createDirectories(status.getParent());
    return status;
  }

  private IndexReport index() throws IOException {
    return Indexer.withDefaults()
        .index(Digest.parse("sha256:" + "1".repeat(64)), List.of(DirectoryLayer.of(root)))
        .report();
  }

  @Test
  void followsAnOsReleaseSymlinkInsideTheImage() throws IOException {
    Path usrLib = Files.createDirectories(root.resolve("usr/lib"));
    Files.copy(
        fixture("os-release/debian-12-bookworm/etc/os-release"), usrLib.resolve("os-release"));
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
    Files.copy(fixture("pkgdb/dpkg/claircore-debian-only/status"), status());

    IndexReport report = index();

    assertThat(report.distributions().values())
        .singleElement()
        .satisfies(d -> assertThat(DebianRelease.of(d)).contains("bookworm"));
    assertThat(report.packages().values())
        .extracting(p -> p.name() + " " + p.version())
        .containsExactly("debian-archive-keyring 2019.1");
  }

  @Test
  void givesNoReportForACorruptDatabase() throws IOException {
    Files.writeString(
        status(),
        Files.readString(fixture("pkgdb/dpkg/claircore-debian-only/status"))
            .replaceFirst("install ok installed", "bogus"));

    assertThatThrownBy(this::index)
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith(
            "dpkg: var/lib/dpkg/status: stanza at line 1: package debian-archive-keyring");
  }
}
