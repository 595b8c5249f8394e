package dev.vigil.ecosystem.pypi;

import static dev.vigil.ecosystem.lang.FoundLines.lines;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.ecosystem.lang.TestArchives;
import dev.vigil.ecosystem.osrelease.MemoryTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python scanner against {@code lang/python} (pair P14 of the fixtures). */
class PythonPackageScannerTest {
  private static final String SITE = "usr/local/lib/python3.9/site-packages";

  @TempDir Path tmp;
  private final PythonPackageScanner scanner = new PythonPackageScanner();
  private final List<String> warnings = new ArrayList<>();

  private List<String> scan(Map<String, Path> layout) throws IOException {
    return lines(scanner.scan(MemoryTree.of(layout), warnings::add), OsvEcosystem.PYPI);
  }

  @Test
  void readsDistInfoAndEggInfoMetadata() throws IOException {
    Map<String, Path> layout = TestArchives.under(SITE, fixture("lang/python/site-packages"));
    assertThat(scan(layout))
        .containsExactly(
            "Flask@2.0.0 " + SITE + "/Flask-2.0.0.dist-info/METADATA",
            "click@8.0.0 " + SITE + "/click-8.0.0.dist-info/METADATA",
            "distlib@0.3.1 " + SITE + "/distlib-0.3.1.dist-info/METADATA",
            "setuptools@51.3.3 " + SITE + "/setuptools-51.3.3.dist-info/METADATA",
            "setuptools@51.3.3 " + SITE + "/setuptools-51.3.3.egg-info/PKG-INFO",
            "typing_extensions@4.4.0 " + SITE + "/typing_extensions-4.4.0.dist-info/METADATA");
    assertThat(warnings).isEmpty();
  }

  @Test
  void readsZippedEggsAndDistutilsEggInfoFiles() throws IOException {
    Path distutils =
        Files.writeString(
            tmp.resolve("PKG-INFO"),
            "Metadata-Version: 1.0\nName: python-apt\nVersion: 2.2.1\n\nName: ignored\n",
            StandardCharsets.UTF_8);
    Map<String, Path> layout = new TreeMap<>();
    layout.put(SITE + "/kitchen-1.2.6-py2.7.egg", fixture("lang/python/kitchen-1.2.6-py2.7.egg"));
    layout.put("usr/lib/python3/dist-packages/python_apt-2.2.1.egg-info", distutils);
    assertThat(scan(layout))
        .containsExactlyInAnyOrder(
            "kitchen@1.2.6 " + SITE + "/kitchen-1.2.6-py2.7.egg",
            "python-apt@2.2.1 usr/lib/python3/dist-packages/python_apt-2.2.1.egg-info");
  }

  @Test
  void metadataWithoutAVersionIsNoPackage() throws IOException {
    Path metadata = Files.writeString(tmp.resolve("METADATA"), "Metadata-Version: 2.1\nName: x\n");
    assertThat(scan(Map.of(SITE + "/x.dist-info/METADATA", metadata))).isEmpty();
    assertThat(warnings).isEmpty();
  }
}
