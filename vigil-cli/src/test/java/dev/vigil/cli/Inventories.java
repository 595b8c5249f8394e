package dev.vigil.cli;

import dev.vigil.ecosystem.dpkg.DpkgStatusScanner;
import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Json;
import dev.vigil.model.Package;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Index reports built from the fixtures' recorded inventories, for matching tests. */
final class Inventories {
  private Inventories() {}

  /**
   * A Clair v4 IndexReport file as Vigil's model. Claircore recorded some dpkg {@code Source}
   * fields raw ({@code util-linux (2.33.1-0.1)}); their package name is kept, as dpkg's own {@code
   * ${source:Package}} does.
   */
  static IndexReport clairIndexReport(Path file) throws IOException {
    IndexReport read = Json.mapper().readValue(file.toFile(), IndexReport.class);
    Map<String, Package> packages = new LinkedHashMap<>();
    read.packages()
        .forEach(
            (id, p) -> {
              Package source = p.source();
              if (source != null && source.name().contains(" (")) {
                source =
                    Package.source(
                        source.name().substring(0, source.name().indexOf(" (")), source.version());
              }
              packages.put(
                  id,
                  new Package(
                      id, p.name(), p.version(), p.kind(), source, "", "", p.arch(), p.cpe()));
            });
    return new IndexReport(
        read.manifestHash(),
        read.state(),
        packages,
        read.distributions(),
        read.repository(),
        read.environments(),
        read.success(),
        read.err());
  }

  /**
   * An Ubuntu or Debian image {@code .manifest} ({@code name[:arch]<TAB>version} lines, as {@code
   * dpkg-query -W} prints them) as an index report of binary packages, all of {@code distribution};
   * the manifest's own digest stands for the layer that introduced them.
   */
  static IndexReport manifest(Path file, Distribution distribution) throws IOException {
    Digest digest = Digest.sha256(Files.readAllBytes(file));
    Map<String, Package> packages = new LinkedHashMap<>();
    Map<String, List<Environment>> environments = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      String name = f[0].contains(":") ? f[0].substring(0, f[0].indexOf(':')) : f[0];
      String arch = f[0].contains(":") ? f[0].substring(f[0].indexOf(':') + 1) : "";
      String id = String.valueOf(packages.size() + 1);
      packages.put(id, Package.binary(name, f[1], arch, null).withId(id));
      environments.put(
          id, List.of(new Environment(DpkgStatusScanner.STATUS, digest, "1", List.of())));
    }
    return new IndexReport(
        digest,
        IndexReport.FINISHED,
        packages,
        Map.of("1", distribution.withId("1")),
        Map.of(),
        environments,
        true,
        "");
  }
}
