package dev.vigil.cli.output;

import dev.vigil.cli.policy.Finding;
import dev.vigil.model.Severity;
import java.util.List;
import java.util.Map;

/** The HTML report's summary: totals, fix availability and an inline SVG bar chart by severity. */
final class HtmlSummary {
  private static final int BAR_WIDTH = 380;
  private static final int ROW = 26;

  private final List<Finding> findings;

  /** A summary of {@code findings}. */
  HtmlSummary(List<Finding> findings) {
    this.findings = findings;
  }

  /** Appends the summary section to {@code html}. */
  void append(StringBuilder html) {
    Map<Severity, Integer> counts = HtmlWriter.counts(findings);
    long fixable = findings.stream().filter(Finding::hasFix).count();
    long packages = findings.stream().map(Finding::packageId).distinct().count();
    html.append("<h2>Summary</h2>\n<div class=\"cards\">")
        .append(card("total", "findings", findings.size()))
        .append(card("packages", "affected packages", packages))
        .append(card("fixable", "with a fix", fixable))
        .append(card("unfixed", "no fix yet", findings.size() - fixable))
        .append("</div>\n");
    chart(html, counts);
  }

  private static String card(String id, String label, long value) {
    return "<div class=\"card\" id=\"" + id + "\"><b>" + value + "</b>" + label + "</div>";
  }

  private static void chart(StringBuilder html, Map<Severity, Integer> counts) {
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Severity[] order = Severity.values();
    int height = ROW * order.length + 4;
    html.append("<svg class=\"chart\" role=\"img\" aria-label=\"findings by severity\"")
        .append(" viewBox=\"0 0 560 ")
        .append(height)
        .append("\">\n");
    for (int i = 0; i < order.length; i++) {
      Severity severity = order[order.length - 1 - i];
      int count = counts.get(severity);
      int width = max == 0 ? 0 : Math.max(count > 0 ? 2 : 0, count * BAR_WIDTH / max);
      int y = i * ROW + 2;
      html.append("<g class=\"bar\" data-severity=\"")
          .append(severity.upper())
          .append("\" data-count=\"")
          .append(count)
          .append("\"><text x=\"0\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\">")
          .append(severity.upper())
          .append("</text><rect x=\"110\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"18\" rx=\"3\" fill=\"")
          .append(HtmlStyle.colour(severity))
          .append("\"/><text x=\"")
          .append(116 + width)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\">")
          .append(count)
          .append("</text></g>\n");
    }
    html.append("</svg>\n");
  }
}
