package dev.vigil.cli;

import dev.vigil.cli.policy.FindingOrder;
import dev.vigil.cli.policy.Gate;
import dev.vigil.cli.policy.IgnoreFile;
import dev.vigil.cli.policy.Policy;
import dev.vigil.cli.policy.RiskFilter;
import dev.vigil.cli.policy.VexDocument;
import dev.vigil.model.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What {@code vigil scan} reports and when it fails: severities, the gate, ignores and VEX, and the
 * order and risk filters over the CVSS, EPSS and KEV enrichments.
 */
final class PolicyOptions {

  @Option(
      names = "--severity",
      split = ",",
      paramLabel = "LIST",
      converter = SeverityConverter.class,
      description =
          "Severities to show, comma-separated, case-insensitive: Unknown, Negligible, Low,"
              + " Medium, High, Critical (default: all).")
  List<Severity> severities = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = SeverityConverter.class,
      description =
          "Exit 1 (or --exit-code) when a finding at or above SEVERITY remains after"
              + " --ignore-unfixed, --ignore-file and --vex, whatever --severity shows.")
  Severity failOn;

  @Option(
      names = "--exit-code",
      paramLabel = "N",
      description =
          "Exit code when the gate trips (default 1; 2 is reserved for errors). Without"
              + " --fail-on, any shown finding trips the gate, as with Trivy.")
  Integer exitCode;

  @Option(names = "--ignore-unfixed", description = "Leave out findings without a fixed version.")
  boolean ignoreUnfixed;

  @Option(
      names = "--ignore-file",
      paramLabel = "FILE",
      description =
          "YAML ignore file (.trivyignore.yaml shape): vulnerabilities with id, purls or"
              + " packages, expired_at, statement. Expired entries no longer apply and are"
              + " reported.")
  Path ignoreFile;

  @Option(
      names = "--vex",
      paramLabel = "FILE",
      description =
          "OpenVEX document, repeatable: not_affected and fixed statements suppress findings.")
  List<Path> vex = new ArrayList<>();

  @Option(
      names = "--sort-by",
      paramLabel = "ORDER",
      converter = FindingOrderConverter.class,
      description =
          "Order of the findings: severity (default), cvss or epss (highest first; findings"
              + " without a score last).")
  FindingOrder sortBy = FindingOrder.SEVERITY;

  @Option(
      names = "--min-cvss",
      paramLabel = "SCORE",
      description =
          "Keep only findings whose CVSS base score (from the nvd updater) is at least SCORE,"
              + " 0-10. Left-out findings are not shown and do not trip the gate.")
  BigDecimal minCvss;

  @Option(
      names = "--min-epss",
      paramLabel = "PROBABILITY",
      description =
          "Keep only findings whose EPSS probability (from the epss updater) is at least"
              + " PROBABILITY, 0-1. Left-out findings are not shown and do not trip the gate.")
  BigDecimal minEpss;

  @Option(
      names = "--kev-only",
      description =
          "Keep only findings CISA lists as known exploited (from the kev updater). Left-out"
              + " findings are not shown and do not trip the gate.")
  boolean kevOnly;

  @Option(
      names = "--show-suppressed",
      description = "Report suppressed findings too, with their status and reason.")
  boolean showSuppressed;

  /**
   * The gate.
   *
   * @throws ParameterException when the exit code is 2 (reserved for errors) or out of 0–255
   */
  Gate gate(CommandLine cli) {
    if (exitCode != null && (exitCode == VigilCli.ERROR || exitCode < 0 || exitCode > 255)) {
      throw new ParameterException(
          cli, "--exit-code: " + exitCode + " is not allowed (0–255; 2 is reserved for errors)");
    }
    return new Gate(failOn, exitCode == null ? Gate.DEFAULT_EXIT_CODE : exitCode, exitCode != null);
  }

  /**
   * The risk filter.
   *
   * @throws ParameterException when a score or probability is out of range
   */
  RiskFilter riskFilter(CommandLine cli) {
    requireRange(cli, "--min-cvss", minCvss, BigDecimal.TEN);
    requireRange(cli, "--min-epss", minEpss, BigDecimal.ONE);
    return new RiskFilter(minCvss, minEpss, kevOnly);
  }

  private static void requireRange(
      CommandLine cli, String option, BigDecimal value, BigDecimal max) {
    if (value != null && (value.signum() < 0 || value.compareTo(max) > 0)) {
      throw new ParameterException(
          cli, option + ": " + value.toPlainString() + " is out of range (0-" + max + ")");
    }
  }

  /**
   * The policy, reading the ignore file and VEX documents.
   *
   * @throws IOException when one of them is missing or malformed
   */
  Policy policy(LocalDate today) throws IOException {
    EnumSet<Severity> shown =
        severities.isEmpty() ? EnumSet.allOf(Severity.class) : EnumSet.copyOf(severities);
    IgnoreFile ignore = ignoreFile == null ? null : IgnoreFile.read(ignoreFile);
    return new Policy(shown, ignoreUnfixed, ignore, VexDocument.read(vex), today);
  }
}
