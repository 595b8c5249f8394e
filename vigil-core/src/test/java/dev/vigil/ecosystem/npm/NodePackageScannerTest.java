package dev.vigil.ecosystem.npm;

import static dev.vigil.ecosystem.lang.FoundLines.lines;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.ecosystem.lang.TestArchives;
import dev.vigil.ecosystem.osrelease.MemoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm scanner against {@code lang/node/app} (pair P13 of the fixtures). */
class NodePackageScannerTest {
  private static final String MODULES = "srv/app/node_modules";

  @TempDir Path tmp;
  private final NodePackageScanner scanner = new NodePackageScanner();
  private final List<String> warnings = new ArrayList<>();

  private List<String> scan(Map<String, Path> layout) throws IOException {
    return lines(scanner.scan(MemoryTree.of(layout), warnings::add), OsvEcosystem.NPM);
  }

  @Test
  void readsEveryInstalledPackageWithItsScope() throws IOException {
    Map<String, Path> layout = TestArchives.under(MODULES, fixture("lang/node/app/node_modules"));
    Path app =
        Files.writeString(tmp.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
    layout.put("srv/app/package.json", app);
    layout.put(MODULES + "/express/lib/package.json", app);
    assertThat(scan(layout))
        .containsExactlyInAnyOrder(
            "@babel/parser@7.23.6 " + MODULES + "/@babel/parser/package.json",
            "body-parser@1.18.3 " + MODULES + "/body-parser/package.json",
            "debug@2.6.9 " + MODULES + "/body-parser/node_modules/debug/package.json",
            "ms@2.0.0 " + MODULES + "/body-parser/node_modules/ms/package.json",
            "express@4.16.4 " + MODULES + "/express/package.json",
            "debug@2.6.9 " + MODULES + "/express/node_modules/debug/package.json",
            "ms@2.0.0 " + MODULES + "/express/node_modules/ms/package.json",
            "ms@2.1.1 " + MODULES + "/ms/package.json");
    assertThat(warnings).isEmpty();
  }

  @Test
  void skipsManifestsWithoutNameOrVersionAndWarnsOnBrokenOnes() throws IOException {
    Path nameless = Files.writeString(tmp.resolve("a.json"), "{\"private\":true}");
    Path broken = Files.writeString(tmp.resolve("b.json"), "{\"name\":");
    assertThat(
            scan(
                Map.of(
                    "node_modules/a/package.json", nameless,
                    "node_modules/b/package.json", broken)))
        .isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("npm: node_modules/b/package.json: not JSON");
  }

  @Test
  void knowsWhichManifestsAreInstalledPackages() {
    assertThat(NodePackageScanner.isInstalledManifest("node_modules/x/package.json")).isTrue();
    assertThat(NodePackageScanner.isInstalledManifest("a/node_modules/@s/x/package.json")).isTrue();
    assertThat(NodePackageScanner.isInstalledManifest("node_modules/@s/package.json")).isFalse();
    assertThat(NodePackageScanner.isInstalledManifest("node_modules/x/y/package.json")).isFalse();
    assertThat(NodePackageScanner.isInstalledManifest("app/package.json")).isFalse();
  }
}
