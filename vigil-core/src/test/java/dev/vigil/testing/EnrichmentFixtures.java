package dev.vigil.testing;

import static dev.vigil.testing.Fixtures.fixture;

import dev.vigil.ecosystem.epss.EpssUpdater;
import dev.vigil.ecosystem.kev.KevUpdater;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The enrichment fixtures as mirrors the nvd, epss and kev updaters read, and Alpine 3.10
 * statements whose CVEs they cover, for matching the real alpine:3.10 image (pair P1).
 *
 * <p>The statements use the fixed versions of the SecDB fixture for branch v3.10 but CVE names the
 * enrichment fixtures cover, all without a severity, as the SecDB states none: CVE-2022-34668 on
 * musl (NVD 9.8, EPSS 0.00311), CVE-2023-4863 on openssl (NVD 8.8), CVE-2021-44228 on busybox (KEV,
 * no fix), and ALPINE-TEST-1 on apk-tools, which names no CVE but links to the OSV record of
 * CVE-2024-9986 (EPSS 0.00165), as OSV data names its aliases.
 */
public final class EnrichmentFixtures {
  private static final Distribution V3_10 =
      new Distribution("", "alpine", "Alpine Linux", "", "", "3.10", "", "", "Alpine Linux v3.10");

  private EnrichmentFixtures() {}

  /** The Alpine 3.10 statements, for the {@code alpine} updater. */
  public static List<Vulnerability> alpineStatements() {
    return List.of(
        statement("CVE-2022-34668", "musl", "1.1.22-r4", ""),
        statement("CVE-2023-4863", "openssl", "1.1.1k-r0", ""),
        statement("CVE-2021-44228", "busybox", "", ""),
        statement(
            "ALPINE-TEST-1",
            "apk-tools",
            "2.10.7-r0",
            "https://osv.dev/vulnerability/CVE-2024-9986"));
  }

  /** The NVD API 2.0 fixture pages, a {@code file:} mirror for the nvd updater. */
  public static URI nvdMirror() {
    return fixture("feeds/nvd/api-2.0").toUri();
  }

  /** A mirror for the epss updater in {@code dir}, holding the EPSS CSV fixture. */
  public static URI epssMirror(Path dir) throws IOException {
    Path mirror = Files.createDirectories(dir.resolve("epss-mirror"));
    Files.copy(fixture("feeds/epss/epss-data.csv"), mirror.resolve(EpssUpdater.PLAIN_FILE));
    return mirror.toUri();
  }

  /** A mirror for the kev updater in {@code dir}, holding claircore's KEV catalog fixture. */
  public static URI kevMirror(Path dir) throws IOException {
    Path mirror = Files.createDirectories(dir.resolve("kev-mirror"));
    Files.copy(
        fixture("feeds/kev/known_exploited_vulnerabilities.json"), mirror.resolve(KevUpdater.FILE));
    return mirror.toUri();
  }

  private static Vulnerability statement(String name, String origin, String fixed, String link) {
    return new Vulnerability(
        "",
        "alpine",
        name,
        "",
        null,
        (link + " https://security.alpinelinux.org/vuln/" + name).strip(),
        "",
        Severity.Unknown,
        Package.source(origin, ""),
        V3_10,
        null,
        fixed,
        "");
  }
}
