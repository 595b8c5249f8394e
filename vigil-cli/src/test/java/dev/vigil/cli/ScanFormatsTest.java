package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every output format of the alpine:3.10 scan (pair P1: 20 findings, 11 vulnerabilities, 14
 * packages), checked by the format's own validator: SARIF and SPDX against their published JSON
 * schemas, CycloneDX with cyclonedx-core-java, JUnit XML by a strict parse and its structure.
 */
class ScanFormatsTest {
  private static final String MUSL_PURL =
      "pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4";

  @TempDir static Path tmp;
  private static String db;

  @BeforeAll
  static void loadFeed() {
    db = AlpineFeed.load(tmp);
  }

  @Test
  void sarifValidatesAgainstTheSchema() throws IOException {
    Path sarif = scan("sarif", "report.sarif");

    assertThat(JsonSchemas.sarifErrors(sarif)).isEmpty();
    JsonNode run = Json.mapper().readTree(sarif.toFile()).get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("Vigil");
    assertThat(run.at("/tool/driver/rules")).hasSize(11);
    assertThat(run.get("results")).hasSize(20);
    JsonNode musl = resultFor(run, "CVE-2020-28928", "musl");
    assertThat(musl.get("level").asText()).isEqualTo("note");
    assertThat(musl.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("lib/apk/db/installed");
    assertThat(musl.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo(MUSL_PURL);
    assertThat(musl.at("/properties/fixedVersion").asText()).isEqualTo("1.1.22-r4");
  }

  @Test
  void theSchemaCheckRejectsWhatIsNotSarif() throws IOException {
    Path json = scan("json", "report.json");

    assertThat(JsonSchemas.sarifErrors(json)).isNotEmpty();
    assertThat(JsonSchemas.spdxErrors(json)).isNotEmpty();
  }

  @Test
  void cycloneDxValidatesWithCycloneDxCoreJava() throws IOException {
    Path bom = scan("cyclonedx", "report.cdx.json");

    assertThat(new JsonParser().validate(bom.toFile(), Version.VERSION_16)).isEmpty();
    JsonNode root = Json.mapper().readTree(bom.toFile());
    assertThat(root.get("specVersion").asText()).isEqualTo("1.6");
    List<String> purls = new ArrayList<>();
    root.get("components").forEach(c -> purls.add(c.path("purl").asText()));
    assertThat(purls).hasSize(15).contains(MUSL_PURL);
    assertThat(root.get("vulnerabilities")).hasSize(11);
    int affects = 0;
    for (JsonNode v : root.get("vulnerabilities")) {
      affects += v.get("affects").size();
      assertThat(v.at("/ratings/0/severity").asText()).isEqualTo("unknown");
    }
    assertThat(affects).isEqualTo(20);
  }

  @Test
  void spdxValidatesAgainstTheSchema() throws IOException {
    Path spdx = scan("spdx", "report.spdx.json");

    assertThat(JsonSchemas.spdxErrors(spdx)).isEmpty();
    JsonNode root = Json.mapper().readTree(spdx.toFile());
    assertThat(root.get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    assertThat(root.get("packages")).hasSize(16);
    assertThat(root.toString()).contains(MUSL_PURL);
  }

  @Test
  void junitIsWellFormedWithOneFailingCasePerFinding() throws Exception {
    Path junit = scan("junit", "report.xml");

    Element suites = parseStrictly(junit).getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    NodeList suite = suites.getElementsByTagName("testsuite");
    assertThat(suite.getLength()).isEqualTo(1);
    Element alpine = (Element) suite.item(0);
    assertThat(alpine.getAttribute("name")).isEqualTo("alpine:3.10");
    assertThat(alpine.getAttribute("tests")).isEqualTo("20");
    assertThat(alpine.getAttribute("failures")).isEqualTo("20");
    NodeList cases = alpine.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(20);
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      assertThat(c.getAttribute("classname")).isNotEmpty();
      assertThat(c.getAttribute("name")).startsWith("[UNKNOWN] CVE-");
      assertThat(c.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }
    assertThat(Files.readString(junit))
        .contains("classname=\"musl-1.1.22-r3\" name=\"[UNKNOWN] CVE-2020-28928\"");
  }

  @Test
  void severalFormatsInOneRunAndOutputForTheSingleFormatCase() throws IOException {
    Path json = tmp.resolve("several.json");
    Path sarif = tmp.resolve("several.sarif");
    CliRun several =
        CliRun.of(
            "scan",
            "--db",
            db,
            "-f",
            "table",
            "--format",
            "json=" + json,
            "-f",
            "SARIF=" + sarif,
            AlpineFeed.image());
    Path single = tmp.resolve("single.json");
    CliRun output =
        CliRun.of("scan", "--db", db, "-f", "json", "-o", single.toString(), AlpineFeed.image());

    assertThat(several.exitCode()).as(several.err()).isZero();
    assertThat(several.out()).startsWith("alpine:3.10 (Alpine Linux v3.10)").contains("Total: 20");
    assertThat(Json.mapper().readTree(json.toFile()).get("vulnerabilities")).hasSize(11);
    assertThat(JsonSchemas.sarifErrors(sarif)).isEmpty();
    assertThat(output.exitCode()).as(output.err()).isZero();
    assertThat(output.out()).isEmpty();
    assertThat(Json.mapper().readTree(single.toFile()).get("package_vulnerabilities")).hasSize(7);
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
  }

  private static Path scan(String format, String file) {
    Path out = tmp.resolve(file);
    CliRun run = CliRun.of("scan", "--db", db, "--format", format + "=" + out, AlpineFeed.image());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    return out;
  }

  private static JsonNode resultFor(JsonNode run, String rule, String pkg) {
    for (JsonNode r : run.get("results")) {
      if (r.get("ruleId").asText().equals(rule)
          && r.at("/locations/0/logicalLocations/0/name").asText().equals(pkg)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + rule + " in " + pkg);
  }

  /** Parses XML strictly: no DTDs, no external entities; a malformed document throws. */
  static Document parseStrictly(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setNamespaceAware(true);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(
        new org.xml.sax.helpers.DefaultHandler() {
          @Override
          public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
          }
        });
    return builder.parse(xml.toFile());
  }
}
