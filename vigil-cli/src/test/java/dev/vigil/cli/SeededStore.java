package dev.vigil.cli;

import dev.vigil.datastore.Datastore;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.store.Datastores;
import java.nio.file.Path;
import java.util.List;

/**
 * A store seeded through the {@code dev.vigil.datastore} API with Alpine 3.10 statements that carry
 * severities, which the Alpine SecDB does not have (every SecDB finding is Unknown).
 *
 * <p>The CVE names are real and the fixed versions are the SecDB fixture's for branch v3.10; the
 * severities are set by the test (close to NVD's base scores), and CVE-2022-48174 is stated without
 * a fix on purpose, to have an unfixed finding. Against alpine:3.10 this gives 11 findings: 3
 * Critical (apk-tools; busybox and ssl_client, unfixed), 2 High, 4 Medium, 2 Low.
 */
final class SeededStore {
  private static final Distribution V3_10 =
      new Distribution("", "alpine", "Alpine Linux", "", "", "3.10", "", "", "Alpine Linux v3.10");

  private SeededStore() {}

  /** Creates {@code dir/seeded.db} and returns its path. */
  static String create(Path dir) {
    String db = dir.resolve("seeded.db").toString();
    try (Datastore store = Datastores.open(db)) {
      store.updateVulnerabilities(
          "alpine",
          "seeded by SeededStore",
          List.of(
              statement("CVE-2021-36159", "apk-tools", "2.10.7-r0", Severity.Critical),
              statement("CVE-2022-48174", "busybox", "", Severity.Critical),
              statement("CVE-2021-3450", "openssl", "1.1.1k-r0", Severity.High),
              statement("CVE-2020-28928", "musl", "1.1.22-r4", Severity.Medium),
              statement("CVE-2021-23841", "openssl", "1.1.1j-r0", Severity.Medium),
              statement("CVE-2021-23839", "openssl", "1.1.1j-r0", Severity.Low)));
    }
    return db;
  }

  private static Vulnerability statement(
      String cve, String origin, String fixed, Severity severity) {
    return new Vulnerability(
        "",
        "alpine",
        cve,
        "",
        null,
        "https://security.alpinelinux.org/vuln/" + cve,
        severity.name(),
        severity,
        Package.source(origin, ""),
        V3_10,
        null,
        fixed,
        "");
  }
}
