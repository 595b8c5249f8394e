package dev.vigil.cli.output;

import dev.vigil.cli.policy.Finding;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import java.util.Arrays;
import java.util.List;

/** Wording and mappings shared by the machine-readable formats. */
final class Describe {
  private Describe() {}

  /** The vulnerability's links, in the feed's order. */
  static List<String> links(Vulnerability vulnerability) {
    String links = vulnerability.links() == null ? "" : vulnerability.links().strip();
    return links.isEmpty() ? List.of() : Arrays.asList(links.split("\\s+"));
  }

  /** One sentence: which package, which vulnerability, how severe, what fixes it. */
  static String summary(Finding f) {
    return f.pkg().name()
        + " "
        + f.pkg().version()
        + " is affected by "
        + f.name()
        + " (severity "
        + f.severity().upper()
        + "); "
        + (f.hasFix() ? "fixed in " + f.vulnerability().fixedInVersion() : "no fixed version yet");
  }

  /** The vulnerability's description, else its name. */
  static String description(Vulnerability vulnerability) {
    String text = vulnerability.description();
    return text == null || text.isBlank() ? vulnerability.name() : text;
  }

  /** SARIF's level: {@code error} for High and Critical, {@code warning} for Medium, else note. */
  static String sarifLevel(Severity severity) {
    return switch (severity) {
      case Critical, High -> "error";
      case Medium -> "warning";
      default -> "note";
    };
  }

  /**
   * The score GitHub code scanning reads as {@code security-severity}: the middle of the CVSS band
   * of the severity; empty for Unknown.
   */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case Critical -> "9.5";
      case High -> "8.0";
      case Medium -> "5.5";
      case Low -> "2.0";
      case Negligible -> "0.0";
      case Unknown -> "";
    };
  }
}
