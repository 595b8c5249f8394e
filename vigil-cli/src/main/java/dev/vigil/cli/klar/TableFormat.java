package dev.vigil.cli.klar;

import java.util.List;
import java.util.Map;

/** klar's table output: the per-severity counts, then a table of the shown findings. */
final class TableFormat {
  private static final List<String> HEADER =
      List.of(
          "Severity", "Name", "FeatureName", "FeatureVersion", "FixedBy", "Description", "Link");
  private static final Map<String, String> STYLES =
      Map.of(
          "Defcon1", "\033[1;31m%s\033[0m",
          "Critical", "\033[1;31m%s\033[0m",
          "High", "\033[0;31m%s\033[0m",
          "Medium", "\033[0;33m%s\033[0m",
          "Low", "\033[0;94m%s\033[0m",
          "Negligible", "\033[0;94m%s\033[0m",
          "Unknown", "\033[0;97m%s\033[0m");

  private TableFormat() {}

  /** The text after klar's {@code Found N vulnerabilities} line. */
  static String render(KlarFindings findings, String lowest) {
    StringBuilder out = new StringBuilder(findings.summary()).append('\n');
    List<KlarVulnerability> shown = findings.shown(lowest);
    if (shown.isEmpty()) {
      return out.toString();
    }
    TextTable table = new TextTable(HEADER);
    for (KlarVulnerability v : shown) {
      table.add(
          List.of(
              style(v.severity()),
              v.name(),
              v.featureName(),
              v.featureVersion(),
              v.fixedBy(),
              v.description(),
              v.link()));
    }
    return out.append(table.render()).toString();
  }

  /** The severity in klar's terminal colour, white for severities it does not know. */
  static String style(String severity) {
    return String.format(STYLES.getOrDefault(severity, STYLES.get("Unknown")), severity);
  }
}
