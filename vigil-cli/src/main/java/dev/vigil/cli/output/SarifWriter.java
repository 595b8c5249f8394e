package dev.vigil.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.policy.Finding;
import dev.vigil.cli.policy.Suppressed;
import dev.vigil.model.Json;
import dev.vigil.model.Vulnerability;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0: one rule per vulnerability name, one result per finding, located at the package
 * database it was read from (else the scanned input) with the package URL as logical location.
 * Suppressed findings, when asked for, are results with an external, accepted suppression.
 */
final class SarifWriter implements ReportWriter {
  private static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  @Override
  public void write(ScanResult result, OutputStream out) throws IOException {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Vigil");
    driver.put("version", result.toolVersion());
    ArrayNode rules = driver.putArray("rules");
    ArrayNode results = run.putArray("results");
    for (Finding f : result.shown()) {
      results.add(result(f, rule(f, rules, ruleIndex), result.name()));
    }
    for (Suppressed s : result.suppressed()) {
      ObjectNode suppressedResult =
          result(s.finding(), rule(s.finding(), rules, ruleIndex), result.name());
      ObjectNode suppression = suppressedResult.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("status", "accepted");
      suppression.put("justification", s.source().label() + ": " + s.status() + " " + s.reason());
      results.add(suppressedResult);
    }
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, root);
  }

  private static int rule(Finding f, ArrayNode rules, Map<String, Integer> index) {
    Integer known = index.get(f.name());
    if (known != null) {
      return known;
    }
    Vulnerability v = f.vulnerability();
    ObjectNode rule = rules.addObject();
    rule.put("id", f.name());
    rule.put("name", "OsPackageVulnerability");
    rule.putObject("shortDescription").put("text", f.name());
    rule.putObject("fullDescription").put("text", Describe.description(v));
    List<String> links = Describe.links(v);
    if (!links.isEmpty()) {
      rule.put("helpUri", links.get(0));
    }
    rule.putObject("help")
        .put("text", String.join("\n", links.isEmpty() ? List.of(f.name()) : links));
    rule.putObject("defaultConfiguration").put("level", Describe.sarifLevel(f.severity()));
    ObjectNode properties = rule.putObject("properties");
    properties.putArray("tags").add("vulnerability").add("security").add(f.severity().upper());
    String score = Describe.securitySeverity(f.severity());
    if (!score.isEmpty()) {
      properties.put("security-severity", score);
    }
    index.put(f.name(), rules.size() - 1);
    return rules.size() - 1;
  }

  private static ObjectNode result(Finding f, int ruleIndex, String scanned) {
    ObjectNode result = Json.mapper().createObjectNode();
    result.put("ruleId", f.name());
    result.put("ruleIndex", ruleIndex);
    result.put("level", Describe.sarifLevel(f.severity()));
    result.putObject("message").put("text", Describe.summary(f));
    ObjectNode location = result.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", artifactUri(f, scanned));
    physical.putObject("region").put("startLine", 1);
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("name", f.pkg().name());
    logical.put("fullyQualifiedName", f.purl());
    logical.put("kind", "package");
    ObjectNode properties = result.putObject("properties");
    properties.put("purl", f.purl());
    properties.put("installedVersion", f.pkg().version());
    properties.put("fixedVersion", f.hasFix() ? f.vulnerability().fixedInVersion() : "");
    properties.put("severity", f.severity().upper());
    if (f.environment() != null && f.environment().introducedIn() != null) {
      properties.put("layer", f.environment().introducedIn().toString());
    }
    return result;
  }

  /** The package database path when known, else the scanned input, as a URI reference. */
  private static String artifactUri(Finding f, String scanned) {
    String db = f.environment() == null ? "" : f.environment().packageDb();
    String path = db == null || db.isEmpty() ? scanned : db;
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return "image";
    }
  }
}
