package dev.vigil.ecosystem.rhel;

import dev.vigil.testing.Fixtures;
import dev.vigil.testing.TestResources;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays the Red Hat VEX fixtures ({@code feeds/redhat-csaf-vex/}) out like {@code
 * security.access.redhat.com}: {@code data/csaf/v2/vex/changes.csv} listing {@code
 * <year>/cve-<year>-<n>.json} documents under their canonical names, and the test-made {@code
 * data/metrics/repository-to-cpe.json} beside.
 */
public final class VexMirror {
  /** Every VEX document fixture. */
  public static final List<String> ALL =
      List.of(
          "cve-2021-0084.json",
          "cve-2022-38752.json",
          "cve-2023-38545.json",
          "cve-2023-4154.json",
          "cve-2023-42670.json",
          "cve-2024-0727-openssl.json",
          "cve-2024-22047.json",
          "cve-2025-40907-perl.json",
          "cve-2026-0968.json",
          "cve-2026-2297.json",
          "cve-2026-2673.json",
          "cve-2026-27142.json");

  private static final Pattern CVE = Pattern.compile("cve-(\\d{4})-(\\d+).*\\.json");

  private VexMirror() {}

  /** Lays {@code fixtures} out below {@code root}; returns the VEX directory's URI. */
  public static URI layOut(Path root, List<String> fixtures) throws IOException {
    Path vex = Files.createDirectories(root.resolve("data/csaf/v2/vex"));
    List<String> changes = new ArrayList<>();
    for (String fixture : fixtures) {
      Matcher m = CVE.matcher(fixture);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a VEX fixture: " + fixture);
      }
      String path = m.group(1) + "/cve-" + m.group(1) + "-" + m.group(2) + ".json";
      Files.createDirectories(vex.resolve(m.group(1)));
      Files.copy(Fixtures.fixture("feeds/redhat-csaf-vex/" + fixture), vex.resolve(path));
      changes.add("\"" + path + "\",\"2026-11-01T00:00:00+00:00\"");
    }
    Files.write(vex.resolve("changes.csv"), changes);
    TestResources.copy(
        "ecosystem/rhel/" + RepositoryToCpe.FILE,
        Files.createDirectories(root.resolve("data/metrics")));
    return vex.toUri();
  }
}
