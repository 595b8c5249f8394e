package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented exit code of {@code vigil scan}: 0 when the gate holds or is not armed, 1 (or
 * {@code --exit-code N}) when it trips, 2 on any error. Gating is checked against the Alpine SecDB
 * (all findings Unknown) and against {@link SeededStore}, whose severities the test sets.
 */
class ScanExitCodesTest {
  @TempDir static Path tmp;
  private static String seeded;
  private static String secdb;

  @BeforeAll
  static void createStores() {
    seeded = SeededStore.create(tmp);
    secdb = AlpineFeed.load(tmp);
  }

  static Stream<Arguments> gates() {
    return Stream.of(
        Arguments.of(List.of(), 0, 11),
        Arguments.of(List.of("--fail-on", "critical"), 1, 11),
        Arguments.of(List.of("--fail-on", "CRITICAL", "--ignore-unfixed"), 1, 9),
        Arguments.of(List.of("--fail-on", "High", "--exit-code", "3"), 3, 11),
        Arguments.of(List.of("--fail-on", "high", "--severity", "LOW"), 1, 2),
        Arguments.of(List.of("--severity", "cRiTiCaL,high"), 0, 5),
        Arguments.of(List.of("--exit-code", "4", "--severity", "Negligible"), 0, 0),
        Arguments.of(List.of("--exit-code", "4", "--severity", "low"), 4, 2),
        Arguments.of(List.of("--exit-code", "0", "--fail-on", "low"), 0, 11),
        Arguments.of(List.of("--fail-on", "Negligible", "--ignore-unfixed"), 1, 9));
  }

  @ParameterizedTest
  @MethodSource("gates")
  void theGateDecidesTheExitCode(List<String> flags, int expected, int shown) {
    CliRun scan = scan(seeded, flags);

    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(expected);
    assertThat(scan.out()).contains("Total: " + shown);
    if (expected != 0) {
      assertThat(scan.err()).contains("vigil: gate: ").contains("exit code " + expected);
    }
  }

  @Test
  void theGateNamesWhatTrippedIt() {
    CliRun scan = scan(seeded, List.of("--fail-on", "critical"));

    assertThat(scan.err()).contains("vigil: gate: 3 findings at or above CRITICAL; exit code 1");
    assertThat(scan.out()).contains("Total: 11 (CRITICAL: 3, HIGH: 2, MEDIUM: 4, LOW: 2)");
  }

  @Test
  void unknownSeveritiesGateOnlyAtUnknown() {
    assertThat(scan(secdb, List.of("--fail-on", "UNKNOWN")).exitCode()).isEqualTo(1);
    assertThat(scan(secdb, List.of("--fail-on", "low")).exitCode()).isZero();
    assertThat(scan(secdb, List.of("--severity", "unknown")).out()).contains("Total: 20");
    assertThat(scan(secdb, List.of("--severity", "high")).out()).contains("Total: 0");
  }

  @Test
  void quietSilencesTheGateButNotItsExitCode() {
    CliRun scan = scan(seeded, List.of("--quiet", "--fail-on", "low"));

    assertThat(scan.exitCode()).isEqualTo(1);
    assertThat(scan.err()).isEmpty();
  }

  static Stream<Arguments> errors() {
    Path missing = tmp.resolve("missing");
    return Stream.of(
        Arguments.of(List.of("--no-such-flag"), "Unknown option"),
        Arguments.of(List.of("--fail-on", "severe"), "'severe' is not a severity"),
        Arguments.of(List.of("--severity", "high,urgent"), "'urgent' is not a severity"),
        Arguments.of(List.of("--exit-code", "2"), "2 is reserved for errors"),
        Arguments.of(List.of("--exit-code", "256"), "--exit-code: 256 is not allowed"),
        Arguments.of(List.of("--format", "pdf"), "unknown format 'pdf'"),
        Arguments.of(List.of("-f", "json", "-f", "table"), "at most one format"),
        Arguments.of(List.of("-f", "json", "-f", "sarif", "-o", "x"), "exactly one --format"),
        Arguments.of(List.of("-f", "json=" + missing.resolve("r.json")), "output: no such dir"),
        Arguments.of(List.of("--ignore-file", missing.toString()), "ignore-file: no such file"),
        Arguments.of(List.of("--vex", missing.toString()), "vex: no such file"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorsExitTwoWithOneLine(List<String> flags, String reason) {
    CliRun scan = scan(seeded, flags);

    assertThat(scan.exitCode()).isEqualTo(2);
    assertThat(scan.err()).startsWith("vigil: ").contains(reason);
    assertThat(scan.out()).isEmpty();
  }

  @Test
  void unreadableInputExitsTwo() {
    CliRun scan = CliRun.of("scan", "--db", seeded, tmp.resolve("no-such-image.tar").toString());

    assertThat(scan.exitCode()).isEqualTo(2);
    assertThat(scan.err()).startsWith("vigil: ");
  }

  private static CliRun scan(String db, List<String> flags) {
    List<String> args = new ArrayList<>(List.of("scan", "--db", db));
    args.addAll(flags);
    args.add(AlpineFeed.image());
    return CliRun.of(args.toArray(String[]::new));
  }
}
