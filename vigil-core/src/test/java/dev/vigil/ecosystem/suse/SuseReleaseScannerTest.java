package dev.vigil.ecosystem.suse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuseReleaseScannerTest {
  private final SuseReleaseScanner scanner = new SuseReleaseScanner();

  @TempDir Path tmp;

  private Optional<String> did(String osRelease) throws IOException {
    Path file = Files.writeString(tmp.resolve("os-release"), osRelease);
    return scanner.scan(MemoryTree.of(Map.of("etc/os-release", file))).map(Distribution::did);
  }

  @Test
  void namesOldOpensuseImagesAsTodaysAre() throws IOException {
    assertThat(did("ID=opensuse\nNAME=\"openSUSE Tumbleweed\"\nVERSION_ID=20170101\n"))
        .contains("opensuse-tumbleweed");
    assertThat(did("ID=opensuse\nNAME=\"openSUSE Leap\"\nVERSION_ID=42.3\n"))
        .contains("opensuse-leap");
    assertThat(did("ID=opensuse\nNAME=openSUSE\nVERSION_ID=13.2\n")).contains("opensuse");
  }

  @Test
  void claimsOnlySuseIds() throws IOException {
    assertThat(did("ID=sles_sap\nVERSION_ID=15.4\n")).contains("sles_sap");
    assertThat(did("ID=sled\nVERSION_ID=15.4\n")).contains("sled");
    assertThat(did("ID=debian\nVERSION_ID=12\n")).isEmpty();
    assertThat(scanner.scan(MemoryTree.of(Map.of()))).isEmpty();
  }
}
