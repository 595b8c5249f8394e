package dev.vigil.ecosystem.osv;

import static dev.vigil.testing.Fixtures.fixture;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A mirror laid out like OSV's bucket ({@code <ecosystem>/all.zip}), written by tests from the
 * shared OSV fixtures ({@code feeds/osv/...}) and, for faults, from records they derive.
 */
public final class OsvMirror {
  /** P11 and P12: the Maven GitHub advisories. */
  public static final List<String> MAVEN =
      List.of(
          "feeds/osv/ghsa/advisories/github-reviewed/2022/03/GHSA-57j2-w4cx-62h2/GHSA-57j2-w4cx-62h2.json",
          "feeds/osv/ghsa/advisories/github-reviewed/2021/08/GHSA-7hfm-57qf-j43q/GHSA-7hfm-57qf-j43q.json",
          "feeds/osv/ghsa/advisories/github-reviewed/2018/10/GHSA-xx65-cc7g-9pfp/GHSA-xx65-cc7g-9pfp.json",
          "feeds/osv/ghsa/advisories/github-reviewed/2023/04/GHSA-32qq-m9fh-f74w/GHSA-32qq-m9fh-f74w.json");

  /** P13: the npm GitHub advisories. */
  public static final List<String> NPM =
      List.of(
          "feeds/osv/ghsa/advisories/github-reviewed/2024/03/GHSA-rv95-896h-c2vc/GHSA-rv95-896h-c2vc.json",
          "feeds/osv/ghsa/advisories/github-reviewed/2024/09/GHSA-qwcr-r2fm-qrc7/GHSA-qwcr-r2fm-qrc7.json",
          "feeds/osv/ghsa/advisories/github-reviewed/2025/04/GHSA-75v8-2h7p-7m2m/GHSA-75v8-2h7p-7m2m.json");

  /** P14: the PyPI advisory database's records, in YAML. */
  public static final List<String> PYPI =
      List.of(
          "feeds/osv/pypi-pysec/PYSEC-2023-62.yaml",
          "feeds/osv/pypi-pysec/PYSEC-2022-43012.yaml",
          "feeds/osv/pypi-pysec/PYSEC-2018-66.yaml",
          "feeds/osv/pypi-pysec/PYSEC-2013-22.yaml",
          "feeds/osv/pypi-pysec/PYSEC-2019-179.yaml");

  private final Path root;
  private final Map<OsvEcosystem, Map<String, byte[]>> entries = new LinkedHashMap<>();

  /** A mirror to be written under {@code root}. */
  public OsvMirror(Path root) {
    this.root = root;
  }

  /** A mirror of every fixture above and of the Go stdlib records (P15). */
  public static OsvMirror ofFixtures(Path root) {
    OsvMirror mirror = new OsvMirror(root);
    MAVEN.forEach(f -> mirror.addFixture(OsvEcosystem.MAVEN, f));
    NPM.forEach(f -> mirror.addFixture(OsvEcosystem.NPM, f));
    PYPI.forEach(f -> mirror.addFixture(OsvEcosystem.PYPI, f));
    goStdlib().forEach(f -> mirror.add(OsvEcosystem.GO, f.getFileName().toString(), read(f)));
    mirror.addFixture(
        OsvEcosystem.GO,
        "feeds/osv/ghsa/advisories/github-reviewed/2024/12/GHSA-v778-237x-gjrc/GHSA-v778-237x-gjrc.json");
    return mirror;
  }

  /** The Go vulnerability database's standard library records (P15), sorted by name. */
  public static List<Path> goStdlib() {
    try (Stream<Path> files = Files.list(fixture("feeds/osv/go-vulndb-stdlib"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a shared fixture file as an entry named like the file. */
  public OsvMirror addFixture(OsvEcosystem ecosystem, String relative) {
    Path file = fixture(relative);
    return add(ecosystem, file.getFileName().toString(), read(file));
  }

  /** Adds an entry. */
  public OsvMirror add(OsvEcosystem ecosystem, String entry, byte[] content) {
    entries.computeIfAbsent(ecosystem, e -> new LinkedHashMap<>()).put(entry, content);
    return this;
  }

  /** Writes every ecosystem's {@code all.zip} (an empty one when it has no entries). */
  public Path write() throws IOException {
    for (OsvEcosystem ecosystem : OsvEcosystem.values()) {
      Path zip = Files.createDirectories(root.resolve(ecosystem.osvName())).resolve("all.zip");
      writeArchive(zip, entries.getOrDefault(ecosystem, Map.of()));
    }
    return root;
  }

  /** Writes {@code zip} with one entry per name and content, in the map's order. */
  public static Path writeArchive(Path zip, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
