package dev.vigil.cli;

import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.model.VulnerabilityReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a vulnerability report as a table, one row per package and vulnerability. */
final class TableReport {
  private static final String[] HEADER = {
    "SEVERITY", "VULNERABILITY", "PACKAGE", "INSTALLED", "FIXED-IN", "LAYER"
  };

  private final String title;
  private final VulnerabilityReport report;

  TableReport(String title, VulnerabilityReport report) {
    this.title = title;
    this.report = report;
  }

  /** Writes the title, the totals by severity and the rows. */
  void print(PrintWriter out) {
    List<String[]> rows = rows();
    out.println(title + distributionSuffix());
    out.println(totals(rows));
    if (rows.isEmpty()) {
      return;
    }
    int[] widths = new int[HEADER.length];
    List<String[]> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(rows);
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println();
    for (String[] row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    report
        .packageVulnerabilities()
        .forEach(
            (packageId, vulnerabilityIds) -> {
              Package pkg = report.packages().get(packageId);
              for (String id : vulnerabilityIds) {
                Vulnerability v = report.vulnerabilities().get(id);
                rows.add(
                    new String[] {
                      v.normalizedSeverity().upper(),
                      v.name(),
                      pkg.name(),
                      pkg.version(),
                      v.hasFix() ? v.fixedInVersion() : "(none)",
                      layer(packageId)
                    });
              }
            });
    rows.sort(
        Comparator.comparing((String[] r) -> Severity.parse(r[0]))
            .reversed()
            .thenComparing(r -> r[2])
            .thenComparing(r -> r[1]));
    return rows;
  }

  private String layer(String packageId) {
    List<Environment> environments = report.environments().getOrDefault(packageId, List.of());
    if (environments.isEmpty() || environments.get(0).introducedIn() == null) {
      return "";
    }
    String hex = environments.get(0).introducedIn().hex();
    return environments.get(0).introducedIn().algorithm() + ":" + hex.substring(0, 12);
  }

  private String distributionSuffix() {
    return report.distributions().values().stream()
        .findFirst()
        .map(Distribution::prettyName)
        .filter(name -> name != null && !name.isEmpty())
        .map(name -> " (" + name + ")")
        .orElse("");
  }

  private static String totals(List<String[]> rows) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    rows.forEach(r -> counts.merge(Severity.parse(r[0]), 1L, Long::sum));
    String bySeverity =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
            .map(e -> e.getKey().upper() + ": " + e.getValue())
            .collect(Collectors.joining(", "));
    return "Total: " + rows.size() + (rows.isEmpty() ? "" : " (" + bySeverity + ")");
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
