package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.testing.Fixtures;
import dev.vigil.testing.ReportPairs;
import dev.vigil.testing.RpmOracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pair P6 through the CLI as a user runs it: a CBL-Mariner 2.0 root filesystem ({@code dir:}, the
 * 129-rpm sqlite database of January 2022) against Microsoft's Mariner 2.0 OVAL of 2024-01-22,
 * loaded with {@code vigil update --updaters mariner}. The findings must be exactly those of an
 * independent evaluation: a regex walk of the OVAL file over the packages Debian's {@code rpm}
 * reads from the same database, with {@code rpm.vercmp} deciding "less than" and "less than or
 * equal".
 */
class ScanMarinerEndToEndTest {
  private static final String OVAL = "cbl-mariner-2.0-oval.xml";
  private static final Pattern DEFINITION =
      Pattern.compile(
          "<definition [^>]*>.*?ref_id=\"([^\"]+)\".*?test_ref=\"([^\"]+)\".*?</definition>",
          Pattern.DOTALL);
  private static final Pattern TEST =
      Pattern.compile(
          "<linux-def:rpminfo_test [^>]*id=\"([^\"]+)\"[^>]*>\\s*"
              + "<linux-def:object object_ref=\"([^\"]+)\"/>\\s*"
              + "<linux-def:state state_ref=\"([^\"]+)\"/>");
  private static final Pattern OBJECT =
      Pattern.compile(
          "<linux-def:rpminfo_object id=\"([^\"]+)\"[^>]*>\\s*"
              + "<linux-def:name>([^<]+)</linux-def:name>");
  private static final Pattern STATE =
      Pattern.compile(
          "<linux-def:rpminfo_state id=\"([^\"]+)\"[^>]*>\\s*"
              + "<linux-def:evr datatype=\"evr_string\" operation=\"([^\"]+)\">([^<]+)<");

  @TempDir static Path tmp;
  private static JsonNode report;

  @BeforeAll
  static void updateAndScan() throws Exception {
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Files.copy(Fixtures.fixture("feeds/mariner-oval/" + OVAL), mirror.resolve(OVAL));
    String db = tmp.resolve("vigil.db").toString();
    CliRun update =
        CliRun.of(
            "update", "--db", db, "--updaters", "mariner", "--source", "mariner=" + mirror.toUri());
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out()).startsWith("mariner: updated, ");

    CliRun scan = CliRun.of("scan", "--db", db, "--format", "json", "dir:" + rootfs());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    report = Json.mapper().readTree(scan.out());
  }

  private static Path rootfs() throws Exception {
    Path root = tmp.resolve("rootfs");
    Files.createDirectories(root.resolve("etc"));
    Files.createDirectories(root.resolve("var/lib/rpm"));
    Files.copy(
        Fixtures.fixture("os-release/trivy-mariner-2.0/etc/os-release"),
        root.resolve("etc/os-release"));
    Files.copy(
        Fixtures.fixture("pkgdb/rpm/cbl-mariner-2.0/rpmdb.sqlite"),
        root.resolve("var/lib/rpm/rpmdb.sqlite"));
    return root;
  }

  /** Every reported finding as {@code "package CVE"}. */
  private static TreeSet<String> findings() {
    return new TreeSet<>(ReportPairs.pairs(report));
  }

  @Test
  void reportsTheNamedFindings() {
    assertThat(report.get("packages")).hasSize(129);
    assertThat(findings())
        .hasSize(265)
        .contains(
            "openssl CVE-2021-3711",
            "openssl CVE-2022-0778",
            "curl CVE-2021-22946",
            "curl CVE-2022-27778")
        .doesNotContain("curl CVE-2021-22897");
    report
        .get("vulnerabilities")
        .forEach(v -> assertThat(v.get("updater").asText()).isEqualTo("mariner"));
  }

  @Test
  void agreesWithAnIndependentOvalWalkJudgedByRpm() throws Exception {
    TreeSet<String> expected = independentFindings();

    assertThat(expected).hasSizeGreaterThan(200);
    assertThat(findings()).hasSameSizeAs(expected).isEqualTo(expected);
  }

  private static TreeSet<String> independentFindings() throws Exception {
    String oval =
        Files.readString(Fixtures.fixture("feeds/mariner-oval/" + OVAL), StandardCharsets.UTF_8);
    Map<String, String[]> tests = index(TEST.matcher(oval));
    Map<String, String[]> objects = index(OBJECT.matcher(oval));
    Map<String, String[]> states = index(STATE.matcher(oval));
    Map<String, String> installed = rpmQuery();
    List<String> pairs = new ArrayList<>();
    List<String> candidates = new ArrayList<>();
    List<Boolean> orEqual = new ArrayList<>();
    Matcher definition = DEFINITION.matcher(oval);
    while (definition.find()) {
      String[] test = tests.get(definition.group(2));
      String name = objects.get(test[1])[1];
      String[] state = states.get(test[2]);
      if (installed.containsKey(name)) {
        pairs.add(installed.get(name));
        pairs.add(state[2]);
        candidates.add(name + " " + definition.group(1));
        orEqual.add(state[1].equals("less than or equal"));
      }
    }
    List<String> answers = RpmOracle.vercmp(tmp, pairs, false);
    TreeSet<String> out = new TreeSet<>();
    for (int k = 0; k < candidates.size(); k++) {
      int c = Integer.parseInt(answers.get(k));
      if (c < 0 || (c == 0 && orEqual.get(k))) {
        out.add(candidates.get(k));
      }
    }
    return out;
  }

  /** Each match's groups, by its first group. */
  private static Map<String, String[]> index(Matcher m) {
    Map<String, String[]> out = new HashMap<>();
    while (m.find()) {
      String[] groups = new String[m.groupCount()];
      for (int g = 0; g < groups.length; g++) {
        groups[g] = m.group(g + 1);
      }
      out.put(groups[0], groups);
    }
    return out;
  }

  /** The database's packages as Debian's rpm reads them: name to {@code epoch:version-release}. */
  private static Map<String, String> rpmQuery() throws Exception {
    Path dbpath = tmp.resolve("rootfs/var/lib/rpm");
    Process rpm =
        new ProcessBuilder(
                "rpm",
                "--dbpath",
                dbpath.toString(),
                "-qa",
                "--qf",
                "%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE}\\n")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(rpm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rpm.waitFor(60, TimeUnit.SECONDS)).as("rpm finished").isTrue();
    assertThat(rpm.exitValue()).as("rpm exit code").isZero();
    Map<String, String> installed = new HashMap<>();
    out.lines().map(l -> l.split(" ")).forEach(f -> installed.put(f[0], f[1]));
    assertThat(installed).hasSize(129);
    return installed;
  }
}
