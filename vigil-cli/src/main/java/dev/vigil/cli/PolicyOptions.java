package dev.vigil.cli;

import dev.vigil.cli.policy.Gate;
import dev.vigil.cli.policy.IgnoreFile;
import dev.vigil.cli.policy.Policy;
import dev.vigil.cli.policy.VexDocument;
import dev.vigil.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What {@code vigil scan} reports and when it fails: severities, the gate, ignores and VEX. */
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
