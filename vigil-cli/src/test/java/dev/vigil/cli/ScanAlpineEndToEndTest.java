package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.PostgresSchema;
import dev.vigil.testing.ReportPairs;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pair P1 of the fixtures, through the CLI as a user runs it: the alpine:3.10 (3.10.4) {@code
 * docker save} archive against the Alpine SecDB for v3.10, on SQLite and on PostgreSQL.
 *
 * <p>Expected findings were read off {@code feeds/alpine-secdb/v3.10/main.json}: every secfix of an
 * installed origin whose fixed version is newer than the installed one.
 */
class ScanAlpineEndToEndTest {
  private static final String IMAGE = "images/docker-archive/alpine-3.10.4-docker-save.tar.gz";

  /** The archive's only layer: the sha256 of its layer.tar, as its config's diff_ids says. */
  static final String LAYER =
      "sha256:531743b7098cb2aaf615641007a129173f63ed86ca32fe7b5a246a1c47286028";

  /** Package × vulnerability pairs, as "binary package name CVE". */
  static final List<String> EXPECTED_PAIRS =
      List.of(
          "apk-tools CVE-2021-30139",
          "apk-tools CVE-2021-36159",
          "busybox CVE-2021-28831",
          "ssl_client CVE-2021-28831",
          "musl CVE-2020-28928",
          "musl-utils CVE-2020-28928",
          "libcrypto1.1 CVE-2020-1967",
          "libcrypto1.1 CVE-2020-1971",
          "libcrypto1.1 CVE-2021-23839",
          "libcrypto1.1 CVE-2021-23840",
          "libcrypto1.1 CVE-2021-23841",
          "libcrypto1.1 CVE-2021-3449",
          "libcrypto1.1 CVE-2021-3450",
          "libssl1.1 CVE-2020-1967",
          "libssl1.1 CVE-2020-1971",
          "libssl1.1 CVE-2021-23839",
          "libssl1.1 CVE-2021-23840",
          "libssl1.1 CVE-2021-23841",
          "libssl1.1 CVE-2021-3449",
          "libssl1.1 CVE-2021-3450");

  @Test
  void findsTheFeedsVulnerabilitiesOnSqlite(@TempDir Path tmp) throws Exception {
    assertFindings(tmp.resolve("vigil.db").toString());
  }

  @Test
  void findsTheSameOnPostgres() throws Exception {
    try (PostgresSchema schema = new PostgresSchema()) {
      assertFindings(schema.url());
    }
  }

  private static void assertFindings(String db) throws Exception {
    AlpineFeed.into(db);
    CliRun scan =
        CliRun.of("scan", "--db", db, "--format", "json", Fixtures.fixture(IMAGE).toString());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonNode report = Json.mapper().readTree(scan.out());

    assertThat(ReportPairs.pairs(report)).containsExactlyInAnyOrderElementsOf(EXPECTED_PAIRS);
    assertThat(report.get("vulnerabilities")).hasSize(11);
    assertThat(report.get("packages")).hasSize(14);
    assertThat(report.get("manifest_hash").asText()).startsWith("sha256:");
    JsonNode distribution = report.get("distributions").elements().next();
    assertThat(distribution.get("did").asText()).isEqualTo("alpine");
    assertThat(distribution.get("version_id").asText()).isEqualTo("3.10.4");
    JsonNode openssl = vulnerabilityNamed(report, "CVE-2020-1967");
    assertThat(openssl.get("fixed_in_version").asText()).isEqualTo("1.1.1g-r0");
    assertThat(openssl.get("updater").asText()).isEqualTo("alpine");
    report
        .get("environments")
        .forEach(envs -> assertThat(envs.get(0).get("introduced_in").asText()).isEqualTo(LAYER));

    CliRun table = CliRun.of("scan", "--db", db, Fixtures.fixture(IMAGE).toString());
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("Total: 20")
        .contains("CVE-2021-36159")
        .contains("libssl1.1")
        .contains("1.1.1k-r0");
  }

  private static JsonNode vulnerabilityNamed(JsonNode report, String name) {
    var names = new TreeSet<String>();
    for (JsonNode v : report.get("vulnerabilities")) {
      names.add(v.get("name").asText());
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError(name + " not among " + names);
  }
}
