package dev.vigil.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.spi.IndexRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherEngineTest {
  private static final Distribution RHEL =
      new Distribution("d", "rhel", "", "", "", "9", "", "", "");
  private static final Repository BASEOS =
      new Repository("r1", "rhel-9-for-x86_64-baseos-rpms", "rhel-content-set", "", "");
  private static final Repository APPSTREAM =
      new Repository("r2", "rhel-9-for-x86_64-appstream-rpms", "rhel-content-set", "", "");

  private static IndexReport report(Map<String, List<Environment>> environments) {
    return new IndexReport(
        null,
        IndexReport.FINISHED,
        Map.of(
            "1", Package.binary("bash", "5.1.8-6.el9", "x86_64", null).withId("1"),
            "2", Package.binary("curl", "7.76.1-31.el9", "x86_64", null).withId("2")),
        Map.of("d", RHEL),
        Map.of("r1", BASEOS, "r2", APPSTREAM),
        environments,
        true,
        "");
  }

  private static List<String> described(IndexReport report) {
    return MatcherEngine.records(report).stream()
        .map(
            (IndexRecord r) ->
                r.pkg().name() + " " + (r.repository() == null ? "-" : r.repository().name()))
        .toList();
  }

  @Test
  void givesEveryRepositoryOfAPackageItsOwnRecord() {
    IndexReport report =
        report(
            Map.of(
                "1",
                List.of(
                    new Environment("var/lib/rpm", null, "d", List.of("r1", "r2")),
                    new Environment("var/lib/rpm", null, "d", List.of("r2"))),
                "2",
                List.of(new Environment("var/lib/rpm", null, "d", List.of()))));

    assertThat(described(report))
        .containsExactlyInAnyOrder(
            "bash rhel-9-for-x86_64-baseos-rpms",
            "bash rhel-9-for-x86_64-appstream-rpms",
            "curl -");
    assertThat(MatcherEngine.records(report)).allMatch(r -> r.distribution() == RHEL);
  }

  @Test
  void givesAPackageWithoutEnvironmentOneBareRecord() {
    assertThat(described(report(Map.of()))).containsExactlyInAnyOrder("bash -", "curl -");
  }
}
