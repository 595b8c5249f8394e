package dev.vigil.ecosystem.apk;

import static dev.vigil.spi.FoundPackages.named;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Package;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApkInstalledScannerTest {
  private final ApkInstalledScanner scanner = new ApkInstalledScanner();

  private static List<FoundPackage> scan(String fixtureDir) throws IOException {
    MemoryTree tree =
        MemoryTree.of(
            Map.of(
                ApkInstalledScanner.DATABASE, fixture("pkgdb/apk/" + fixtureDir + "/installed")));
    return new ApkInstalledScanner().scan(tree);
  }

  @Test
  void readsAlpine316Database() throws IOException {
    List<FoundPackage> found = scan("alpine-3.16ish");

    assertThat(found).hasSize(14).allMatch(f -> f.packageDb().equals("lib/apk/db/installed"));
    Package ssl = named(found, "ssl_client");
    assertThat(ssl.version()).isEqualTo("1.35.0-r17");
    assertThat(ssl.kind()).isEqualTo(Package.BINARY);
    assertThat(ssl.arch()).isEqualTo("x86_64");
    assertThat(ssl.source()).isEqualTo(Package.source("busybox", "1.35.0-r17"));
    assertThat(ssl.sourceName()).isEqualTo("busybox");
    assertThat(named(found, "libcrypto1.1").sourceName()).isEqualTo("openssl");
    assertThat(named(found, "libc-utils").sourceName()).isEqualTo("libc-dev");
  }

  @Test
  void readsAlpine318Database() throws IOException {
    List<FoundPackage> found = scan("alpine-3.18ish");

    assertThat(found).hasSize(15);
    assertThat(found.stream().map(f -> f.pkg().name()))
        .startsWith("alpine-baselayout", "alpine-baselayout-data", "alpine-keys", "apk-tools")
        .contains("libcrypto3", "libssl3", "zlib");
    assertThat(named(found, "libssl3").version()).isEqualTo("3.1.0-r4");
    assertThat(named(found, "libssl3").source().name()).isEqualTo("openssl");
  }

  @Test
  void skipsTheStanzaWithoutAVersion() throws IOException {
    List<FoundPackage> found = scan("alpine-3.4-with-invalid-entry");

    assertThat(found).hasSize(15);
    assertThat(found).noneMatch(f -> f.pkg().name().equals("invalidPackageWithoutAVersion"));
    assertThat(named(found, "musl").version()).isEqualTo("1.1.14-r10");
    assertThat(named(found, "busybox").version()).isEqualTo("1.24.2-r9");
    assertThat(named(found, "test").version()).isEqualTo("2.9.11_pre20061021-r2");
    assertThat(named(found, "test").sourceName()).isEqualTo("test-parent");
  }

  @Test
  void countsSkippedStanzas() throws IOException {
    try (InputStream in =
        Files.newInputStream(fixture("pkgdb/apk/alpine-3.4-with-invalid-entry/installed"))) {
      ApkDatabase.Contents contents = ApkDatabase.parse(in, "installed");
      assertThat(contents.skipped()).isEqualTo(1);
      assertThat(contents.packages()).hasSize(15);
    }
  }

  @Test
  void readsTheRootfsOfAlpine31212() throws IOException {
    MemoryTree tree =
        MemoryTree.ofTarGz(
            fixture("rootfs/alpine/alpine-minirootfs-3.12.12-x86_64.tar.gz"),
            scanner.files()::wants);

    List<FoundPackage> found = scanner.scan(tree);

    assertThat(tree.paths()).containsExactly("lib/apk/db/installed");
    assertThat(found).isNotEmpty();
    assertThat(named(found, "zlib").version()).isEqualTo("1.2.12-r0");
  }

  @Test
  void returnsNothingWithoutADatabase() throws IOException {
    assertThat(scanner.scan(MemoryTree.of(Map.of()))).isEmpty();
  }

  @Test
  void rejectsAFileThatIsNotADatabase() {
    byte[] text = "P:musl\nthis is not a field\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ApkDatabase.parse(new ByteArrayInputStream(text), "installed"))
        .isInstanceOf(ScanException.class)
        .hasMessage("apk: installed: line 2 is not a field");
  }

  @Test
  void declaresItsFile() {
    assertThat(scanner.name()).isEqualTo("apk");
    assertThat(scanner.files().wants("lib/apk/db/installed")).isTrue();
    assertThat(scanner.files().wants("lib/apk/db/triggers")).isFalse();
  }
}
