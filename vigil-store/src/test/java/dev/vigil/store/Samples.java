package dev.vigil.store;

import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** Realistic records, vulnerabilities and reports for the store tests. */
final class Samples {
  static final Distribution BUSTER =
      new Distribution(
          "",
          "debian",
          "Debian GNU/Linux",
          "10 (buster)",
          "buster",
          "10",
          "",
          "",
          "Debian GNU/Linux 10 (buster)");
  static final Repository BASEOS =
      new Repository("", "rhel-8-for-x86_64-baseos-rpms", "rhel-cpe-repository", "", "");

  /** A binary package built from openssl, installed on Alpine 3.10. */
  static final IndexRecord LIBSSL_310 = alpine("1", "libssl1.1", "openssl", "1.1.1d-r0", "3.10");

  /** musl installed on Alpine 3.10. */
  static final IndexRecord MUSL_310 = alpine("2", "musl", "musl", "1.1.22-r2", "3.10");

  /** openssl installed on Debian buster. */
  static final IndexRecord OPENSSL_BUSTER = record("9", "openssl", BUSTER, null);

  /** Two Debian statements about openssl in buster, one without a fix. */
  static final List<Vulnerability> BUSTER_OPENSSL =
      List.of(
          debian("CVE-2021-3449", "openssl", "1.1.1d-0+deb10u6"),
          debian("CVE-2021-3450", "openssl", ""));

  private Samples() {}

  /** A language package's statement, as the OSV updater writes them (no distribution). */
  static Vulnerability language(String id, String name, Repository repository) {
    return new Vulnerability(
        "",
        "osv",
        id,
        "",
        null,
        "https://osv.dev/vulnerability/" + id,
        "",
        Severity.Unknown,
        new Package("", name, "<1.0", Package.BINARY, null, "", "", "", ""),
        null,
        repository,
        "1.0",
        "");
  }

  /** Debian buster with the field that {@code constraint} compares changed to bullseye's. */
  static Distribution busterExcept(MatchConstraint constraint) {
    Distribution b = BUSTER;
    return new Distribution(
        "",
        constraint == MatchConstraint.DISTRIBUTION_DID ? "ubuntu" : b.did(),
        b.name(),
        b.version(),
        constraint == MatchConstraint.DISTRIBUTION_VERSION_CODE_NAME
            ? "bullseye"
            : b.versionCodeName(),
        constraint == MatchConstraint.DISTRIBUTION_VERSION_ID ? "11" : b.versionId(),
        "",
        "",
        constraint == MatchConstraint.DISTRIBUTION_PRETTY_NAME
            ? "Debian GNU/Linux 11 (bullseye)"
            : b.prettyName());
  }

  /** An installed Alpine package whose source package is {@code source}. */
  static IndexRecord alpine(String id, String name, String source, String version, String release) {
    Package pkg =
        Package.binary(name, version, "x86_64", Package.source(source, version)).withId(id);
    return new IndexRecord(pkg, AlpineSecDb.release(release), null);
  }

  /** An installed package on {@code dist} or in {@code repo}. */
  static IndexRecord record(String id, String name, Distribution dist, Repository repo) {
    return new IndexRecord(Package.binary(name, "1.0", "x86_64", null).withId(id), dist, repo);
  }

  /** A Debian security tracker statement for buster. */
  static Vulnerability debian(String cve, String name, String fixed) {
    return new Vulnerability(
        "",
        "debian",
        cve,
        "Description of " + cve + ".",
        Instant.parse("2021-03-25T15:15:00Z"),
        "https://security-tracker.debian.org/tracker/" + cve,
        "high",
        Severity.High,
        Package.source(name, ""),
        BUSTER,
        null,
        fixed,
        "");
  }

  /** A Red Hat statement scoped to a repository rather than a release. */
  static Vulnerability rhel(String advisory, String name, String fixed) {
    return new Vulnerability(
        "",
        "rhel",
        advisory,
        "",
        null,
        "https://access.redhat.com/errata/" + advisory,
        "Important",
        Severity.High,
        Package.binary(name, "", "x86_64|aarch64", null),
        null,
        BASEOS,
        fixed,
        "pattern match");
  }

  /** {@code count} distinct generated vulnerabilities over {@code count / 10} package names. */
  static List<Vulnerability> generated(int count, long seed) {
    Random random = new Random(seed);
    List<Vulnerability> vulns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String cve = "CVE-20" + (10 + random.nextInt(15)) + "-" + (1000 + i);
      String fixed = random.nextInt(10) + "." + random.nextInt(30) + "." + i + "-r0";
      vulns.add(AlpineSecDb.vuln(cve, "pkg-" + (i % (count / 10)), fixed, "3.18"));
    }
    return vulns;
  }

  /** Records for the packages {@code pkg-0} to {@code pkg-<count - 1>} of {@link #generated}. */
  static List<IndexRecord> generatedRecords(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> alpine("p" + i, "pkg-" + i, "pkg-" + i, "1.0-r0", "3.18"))
        .toList();
  }

  /** An index report as the indexer writes it for a small Alpine image. */
  static IndexReport indexReport() {
    Digest layer =
        Digest.parse("sha256:2408cc74d12b6cd092bb8b516ba7d5e290f485d3eb9672efc00f0583730179e8");
    Package ssl = Package.source("openssl", "1.1.1d-r0");
    Map<String, Package> packages = new LinkedHashMap<>();
    packages.put("1", Package.binary("libssl1.1", "1.1.1d-r0", "x86_64", ssl).withId("1"));
    packages.put("2", Package.binary("musl", "1.1.22-r3", "x86_64", null).withId("2"));
    Environment env = new Environment("lib/apk/db/installed", layer, "1", List.of());
    return new IndexReport(
        Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8)),
        IndexReport.FINISHED,
        packages,
        Map.of("1", AlpineSecDb.release("3.10").withId("1")),
        Map.of(
            "1",
            new Repository(
                "1", "main", "", "https://dl-cdn.alpinelinux.org/alpine/v3.10/main", "")),
        Map.of("1", List.of(env), "2", List.of(env)),
        true,
        "");
  }
}
