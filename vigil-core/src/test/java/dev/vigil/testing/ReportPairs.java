package dev.vigil.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the findings of a Clair v4 vulnerability report as text, for assertions. */
public final class ReportPairs {
  private ReportPairs() {}

  /** "binary-name CVE" for every package × vulnerability pair of a report's JSON. */
  public static List<String> pairs(JsonNode report) {
    List<String> pairs = new ArrayList<>();
    report
        .get("package_vulnerabilities")
        .fields()
        .forEachRemaining(
            e -> {
              String name = report.get("packages").get(e.getKey()).get("name").asText();
              for (JsonNode id : e.getValue()) {
                JsonNode vulnerability = report.get("vulnerabilities").get(id.asText());
                pairs.add(name + " " + vulnerability.get("name").asText());
              }
            });
    return pairs;
  }
}
