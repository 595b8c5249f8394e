package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.ReportPairs;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pairs P2–P4 of the fixtures: Alpine's official minirootfs tarballs through {@code rootfs:},
 * against the SecDB of their branch. Expected findings read off each branch's main.json.
 */
class ScanMinirootfsTest {
  @TempDir static Path tmp;
  private static String db;

  @BeforeAll
  static void loadFeed() {
    db = AlpineFeed.load(tmp);
  }

  static Stream<Arguments> minirootfs() {
    return Stream.of(
        Arguments.of("alpine-minirootfs-3.12.12-x86_64.tar.gz", List.of("zlib CVE-2022-37434")),
        Arguments.of(
            "alpine-minirootfs-3.16.9-x86_64.tar.gz",
            List.of("busybox CVE-2023-42366", "ssl_client CVE-2023-42366")),
        Arguments.of(
            "alpine-minirootfs-3.20.3-x86_64.tar.gz",
            List.of("libcrypto3 CVE-2024-9143", "libssl3 CVE-2024-9143")),
        Arguments.of(
            "alpine-minirootfs-3.20.3-aarch64.tar.gz",
            List.of("libcrypto3 CVE-2024-9143", "libssl3 CVE-2024-9143")));
  }

  @ParameterizedTest
  @MethodSource("minirootfs")
  void findsTheBranchVulnerabilities(String file, List<String> expected) throws Exception {
    Path rootfs = Fixtures.fixture("rootfs/alpine/" + file);
    CliRun scan = CliRun.of("scan", "--db", db, "--format", "json", "rootfs:" + rootfs);
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonNode report = Json.mapper().readTree(scan.out());
    assertThat(ReportPairs.pairs(report)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(report.get("packages")).hasSize(14);
  }
}
