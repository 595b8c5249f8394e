package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.ecosystem.osv.OsvMirror;
import dev.vigil.ecosystem.osv.OsvUpdater;
import dev.vigil.feed.FeedClient;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.Digest;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.testing.PostgresSchema;
import dev.vigil.updater.UpdateManager;
import dev.vigil.updater.UpdateOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairs P11–P15 of the fixtures (shared/fixtures/SOURCES.md): the language packages of the pairs'
 * images, built here as index records with the identities the scanners report (the scanners are
 * tested on the images themselves), matched by the engine against the {@code osv} updater's data,
 * brought in from the OSV fixtures zipped into OSV's {@code <ecosystem>/all.zip} layout and
 * committed to a real store. Each finding is "package version vulnerability".
 */
class OsvPairsTest {
  private static final String P11 =
      "com.fasterxml.jackson.core:jackson-databind 2.9.10.6 GHSA-57j2-w4cx-62h2";
  private static final String P12 = "org.apache.commons:commons-compress 1.19 GHSA-7hfm-57qf-j43q";

  @TempDir Path tmp;

  @Test
  void p11ToP14OnSqlite() throws IOException {
    try (Datastore store = Datastores.open(tmp.resolve("vigil.db").toString())) {
      update(store);

      assertThat(findings(store, languagePackages()))
          .containsExactly(
              "Flask 2.0.0 PYSEC-2023-62",
              "body-parser 1.18.3 GHSA-qwcr-r2fm-qrc7",
              P11,
              "express 4.16.4 GHSA-rv95-896h-c2vc",
              P12,
              "setuptools 51.3.3 PYSEC-2022-43012");
    }
  }

  @Test
  void p11ToP14OnPostgres() throws Exception {
    try (PostgresSchema schema = new PostgresSchema();
        Datastore store = Datastores.open(schema.url())) {
      update(store);

      assertThat(findings(store, languagePackages())).hasSize(6).contains(P11, P12);
    }
  }

  @Test
  void p15GoStdlibAgainstTheGoVulnerabilityDatabase() throws IOException {
    Set<String> expected122 = independentlyAffecting("1.22.1");
    Set<String> expected115 = independentlyAffecting("1.15.2");
    try (Datastore store = Datastores.open(tmp.resolve("vigil.db").toString())) {
      update(store);

      Set<String> found122 = ids(findings(store, List.of(go("stdlib", "1.22.1"))));
      Set<String> found115 = ids(findings(store, List.of(go("stdlib", "1.15.2"))));

      assertThat(found122).isEqualTo(expected122).hasSize(63);
      assertThat(found115).isEqualTo(expected115).hasSize(131);
      assertThat(found122).contains("GO-2024-2687");
    }
  }

  @Test
  void anUnaffectedVersionAndAnotherEcosystemFindNothing() throws IOException {
    try (Datastore store = Datastores.open(tmp.resolve("vigil.db").toString())) {
      update(store);

      assertThat(
              findings(
                  store,
                  List.of(
                      pkg(
                          OsvEcosystem.MAVEN,
                          "com.fasterxml.jackson.core:jackson-databind",
                          "2.12.6.1"),
                      pkg(OsvEcosystem.MAVEN, "org.apache.commons:commons-compress", "1.21"),
                      pkg(OsvEcosystem.NPM, "org.apache.commons:commons-compress", "1.19"),
                      pkg(OsvEcosystem.PYPI, "flask", "2.2.5"),
                      go("stdlib", "1.99.0"))))
          .isEmpty();
    }
  }

  private void update(Datastore store) throws IOException {
    Path mirror = OsvMirror.ofFixtures(tmp.resolve("mirror")).write();
    OsvUpdater updater = new OsvUpdater(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    UpdateOutcome outcome = new UpdateManager(store).run(updater);
    assertThat(outcome.status()).as(outcome.message()).isEqualTo(UpdateOutcome.Status.UPDATED);
  }

  /** The packages of P11 to P14 as the language scanners report them. */
  private static List<Installed> languagePackages() {
    return List.of(
        pkg(OsvEcosystem.MAVEN, "com.fasterxml.jackson.core:jackson-databind", "2.9.10.6"),
        pkg(OsvEcosystem.MAVEN, "org.apache.commons:commons-compress", "1.19"),
        pkg(OsvEcosystem.NPM, "express", "4.16.4"),
        pkg(OsvEcosystem.NPM, "body-parser", "1.18.3"),
        pkg(OsvEcosystem.PYPI, "Flask", "2.0.0"),
        pkg(OsvEcosystem.PYPI, "setuptools", "51.3.3"));
  }

  private static Installed go(String name, String version) {
    return pkg(OsvEcosystem.GO, name, version);
  }

  /** A language package as a scanner reports it: its identity and its ecosystem. */
  private record Installed(OsvEcosystem ecosystem, String name, String version) {}

  private static Installed pkg(OsvEcosystem ecosystem, String name, String version) {
    return new Installed(ecosystem, name, version);
  }

  /** The engine's findings for these packages, each in its ecosystem's repository. */
  private static Set<String> findings(Datastore store, List<Installed> packages) {
    Map<String, Package> byId = new LinkedHashMap<>();
    Map<String, Repository> repositories = new LinkedHashMap<>();
    Map<String, List<Environment>> environments = new LinkedHashMap<>();
    for (Installed p : packages) {
      String id = Integer.toString(byId.size() + 1);
      String repoId = "r" + p.ecosystem().ordinal();
      repositories.put(repoId, p.ecosystem().repository().withId(repoId));
      byId.put(id, Package.binary(p.name(), p.version(), "", null).withId(id));
      environments.put(id, List.of(new Environment("app", LAYER, "", List.of(repoId))));
    }
    IndexReport index =
        new IndexReport(
            LAYER, IndexReport.FINISHED, byId, Map.of(), repositories, environments, true, "");
    VulnerabilityReport report = new MatcherEngine(Defaults.matchers(), store).match(index);
    Set<String> out = new TreeSet<>();
    report
        .packageVulnerabilities()
        .forEach(
            (id, vulns) ->
                vulns.forEach(
                    v ->
                        out.add(
                            String.join(
                                " ",
                                report.packages().get(id).name(),
                                report.packages().get(id).version(),
                                report.vulnerabilities().get(v).name()))));
    return out;
  }

  private static final Digest LAYER = Digest.parse("sha256:" + "ab".repeat(32));

  private static Set<String> ids(Set<String> findings) {
    Set<String> ids = new TreeSet<>();
    findings.forEach(f -> ids.add(f.substring(f.lastIndexOf(' ') + 1)));
    return ids;
  }

  /**
   * The stdlib records affecting a Go version, evaluated here apart from the updater: OSV's
   * algorithm (events in the record's order, which the Go database keeps sorted; introduced opens,
   * fixed closes) with versions compared as dot-separated numbers, a {@code -pre} part sorting
   * before its release.
   */
  private static Set<String> independentlyAffecting(String version) throws IOException {
    Set<String> ids = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : OsvMirror.goStdlib()) {
      JsonNode record = json.readTree(file.toFile());
      for (JsonNode affected : record.path("affected")) {
        if (!affected.path("package").path("name").asText().equals("stdlib")) {
          continue;
        }
        for (JsonNode range : affected.path("ranges")) {
          boolean vulnerable = false;
          for (JsonNode event : range.path("events")) {
            if (event.has("introduced")) {
              String v = event.get("introduced").asText();
              vulnerable |= v.equals("0") || older(v, version) <= 0;
            } else if (event.has("fixed") && older(event.get("fixed").asText(), version) <= 0) {
              vulnerable = false;
            }
          }
          if (vulnerable) {
            ids.add(record.get("id").asText());
          }
        }
      }
    }
    return ids;
  }

  /** Compares {@code 1.19.0-0}-style versions: numbers first, then a pre-release before none. */
  private static int older(String a, String b) {
    String[] x = a.split("-", 2);
    String[] y = b.split("-", 2);
    List<Integer> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (String n : x[0].split("\\.")) {
      xs.add(Integer.parseInt(n));
    }
    for (String n : y[0].split("\\.")) {
      ys.add(Integer.parseInt(n));
    }
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(i < xs.size() ? xs.get(i) : 0, i < ys.size() ? ys.get(i) : 0);
      if (c != 0) {
        return c;
      }
    }
    if (x.length != y.length) {
      return x.length > y.length ? -1 : 1;
    }
    return x.length == 1 ? 0 : x[1].compareTo(y[1]);
  }
}
