package dev.vigil.cli.output;

import dev.vigil.cli.policy.Finding;
import dev.vigil.cli.policy.Risk;
import dev.vigil.cli.policy.Suppressed;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table, one row per package and vulnerability in the chosen order (most severe first by
 * default), with CVSS, EPSS and KEV columns when the enrichments say anything of a shown finding;
 * with suppressed findings asked for, a second table of them with their status and reason.
 */
final class TableWriter implements ReportWriter {
  private static final String[] HEADER = {
    "SEVERITY", "VULNERABILITY", "PACKAGE", "INSTALLED", "FIXED-IN", "LAYER"
  };
  private static final String[] RISK_HEADER = {"CVSS", "EPSS", "KEV"};
  private static final String[] SUPPRESSED_HEADER = {
    "SEVERITY", "VULNERABILITY", "PACKAGE", "STATUS", "SOURCE", "REASON"
  };

  @Override
  public void write(ScanResult result, OutputStream stream) throws IOException {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    out.println(result.name() + distributionSuffix(result));
    out.println(totals(result.shown()));
    boolean risky = result.shown().stream().anyMatch(f -> f.risk().known());
    List<String[]> rows = new ArrayList<>();
    for (Finding f : result.shown()) {
      String[] row = {
        f.severity().upper(),
        f.name(),
        f.pkg().name(),
        f.pkg().version(),
        f.hasFix() ? f.vulnerability().fixedInVersion() : "(none)",
        layer(f.environment())
      };
      rows.add(risky ? withRisk(row, f.risk()) : row);
    }
    print(out, risky ? withRisk(HEADER, RISK_HEADER) : HEADER, rows);
    if (!result.suppressed().isEmpty()) {
      out.println();
      out.println("Suppressed: " + result.suppressed().size());
      List<String[]> suppressed = new ArrayList<>();
      for (Suppressed s : result.suppressed()) {
        suppressed.add(
            new String[] {
              s.finding().severity().upper(),
              s.finding().name(),
              s.finding().pkg().name(),
              s.status(),
              s.source().label(),
              s.reason()
            });
      }
      print(out, SUPPRESSED_HEADER, suppressed);
    }
    out.flush();
  }

  private static void print(PrintWriter out, String[] header, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.length];
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println();
    for (String[] row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        line.append(cell);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** The row with CVSS, EPSS and KEV columns before the layer. */
  private static String[] withRisk(String[] row, Risk risk) {
    return withRisk(
        row,
        new String[] {
          risk.cvss().map(BigDecimal::toPlainString).orElse(""),
          risk.epss().map(BigDecimal::toPlainString).orElse(""),
          risk.kev() ? "yes" : ""
        });
  }

  private static String[] withRisk(String[] row, String[] risk) {
    int layer = row.length - 1;
    String[] wider = Arrays.copyOf(row, row.length + risk.length);
    System.arraycopy(risk, 0, wider, layer, risk.length);
    wider[wider.length - 1] = row[layer];
    return wider;
  }

  private static String layer(Environment environment) {
    if (environment == null || environment.introducedIn() == null) {
      return "";
    }
    String hex = environment.introducedIn().hex();
    return environment.introducedIn().algorithm() + ":" + hex.substring(0, 12);
  }

  private static String distributionSuffix(ScanResult result) {
    return result
        .distribution()
        .map(Distribution::prettyName)
        .filter(name -> name != null && !name.isEmpty())
        .map(name -> " (" + name + ")")
        .orElse("");
  }

  private static String totals(List<Finding> findings) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
    String bySeverity =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
            .map(e -> e.getKey().upper() + ": " + e.getValue())
            .collect(Collectors.joining(", "));
    return "Total: " + findings.size() + (findings.isEmpty() ? "" : " (" + bySeverity + ")");
  }
}
