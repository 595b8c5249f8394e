package dev.vigil.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RhelMatcherTest {
  private static final Distribution RHEL_9 = rhel("9.2");
  private static final Distribution RHEL_8 = rhel("8.10");
  private static final Repository APPSTREAM =
      new Repository("1", "rhel-9-for-x86_64-appstream-rpms", ContentManifestScanner.KEY, "", "");
  private final RhelMatcher matcher = new RhelMatcher();
  private final VexParser parser = new VexParser("rhel");

  private static Distribution rhel(String versionId) {
    return new Distribution("1", "rhel", "Red Hat Enterprise Linux", "", "", versionId, "", "", "");
  }

  private static IndexRecord installed(
      String name, String evr, String module, Distribution d, Repository repository) {
    Package binary = Package.binary(name, evr, "x86_64", Package.source(name, ""));
    Package withModule =
        new Package(
            "1", binary.name(), evr, Package.BINARY, binary.source(), "", module, "x86_64", "");
    return new IndexRecord(withModule, d, repository);
  }

  private List<Vulnerability> named(String file, String pkg) throws Exception {
    return parser.parse(VexParserTest.vex(file)).stream()
        .filter(v -> v.pkg().name().equals(pkg))
        .toList();
  }

  private List<String> findings(IndexRecord record, List<Vulnerability> candidates) {
    return matcher.affecting(record, candidates).stream()
        .map(v -> v.repository().name() + " " + v.fixedInVersion())
        .toList();
  }

  @Test
  void reportsAFixedStatementOnTheAssumedBaseRepositoriesWhenOlder() throws Exception {
    List<Vulnerability> openssl = named("cve-2024-0727-openssl.json", "openssl-libs");

    assertThat(findings(installed("openssl-libs", "1:3.0.7-16.el9_2", "", RHEL_9, null), openssl))
        .containsExactlyInAnyOrder(
            "cpe:/o:redhat:enterprise_linux:9::baseos 1:3.0.7-27.el9",
            "cpe:/a:redhat:enterprise_linux:9::appstream 1:3.0.7-27.el9");
    assertThat(findings(installed("openssl-libs", "1:3.0.7-27.el9", "", RHEL_9, null), openssl))
        .isEmpty();
    assertThat(findings(installed("openssl-libs", "1:3.2.2-6.el9_5", "", RHEL_9, null), openssl))
        .isEmpty();
  }

  @Test
  void reportsKnownAffectedStatementsOfTheMajorVersionWithoutFix() throws Exception {
    List<Vulnerability> openssl = named("cve-2024-0727-openssl.json", "openssl-libs");

    assertThat(findings(installed("openssl-libs", "1:1.1.1k-12.el8_9", "", RHEL_8, null), openssl))
        .containsExactly("cpe:/o:redhat:enterprise_linux:8 ");
  }

  @Test
  void usesTheCpesTheContentSetsMapTo() throws Exception {
    List<Vulnerability> candidates = new ArrayList<>(named("cve-2023-38545.json", "curl"));
    candidates.addAll(
        RepositoryToCpe.rows(
            "rhel",
            Map.of(APPSTREAM.name(), List.of("cpe:/a:redhat:enterprise_linux:9::appstream"))));
    IndexRecord curl = installed("curl", "7.76.1-23.el9_2.1", "", RHEL_9, APPSTREAM);

    assertThat(findings(curl, candidates))
        .containsExactlyInAnyOrder(
            "cpe:/a:redhat:enterprise_linux:9::appstream 7.76.1-23.el9_2.4",
            "cpe:/a:redhat:enterprise_linux:9::appstream 7.76.1-26.el9_3.2");
  }

  @Test
  void matchesModularPackagesOnlyWithTheirStream() throws Exception {
    List<Vulnerability> golang = named("cve-2026-27142.json", "golang");

    assertThat(findings(installed("golang", "1.22.9-1", "go-toolset:rhel8", RHEL_8, null), golang))
        .containsExactly("cpe:/o:redhat:enterprise_linux:8 ");
    assertThat(findings(installed("golang", "1.22.9-1", "", RHEL_8, null), golang)).isEmpty();
    assertThat(findings(installed("golang", "1.22.9-1", "", RHEL_9, null), golang))
        .containsExactly("cpe:/o:redhat:enterprise_linux:9 ");
  }

  @Test
  void requiresOneOfTheStatedArchitectures() throws Exception {
    Vulnerability fixed =
        named("cve-2024-0727-openssl.json", "openssl-libs").stream()
            .filter(Vulnerability::hasFix)
            .findFirst()
            .orElseThrow();
    Package s390 = Package.binary("openssl-libs", "1:3.0.7-16.el9_2", "riscv64", null);

    assertThat(matcher.vulnerable(new IndexRecord(s390, RHEL_9, null), fixed)).isFalse();
    assertThat(
            matcher.vulnerable(
                installed("openssl-libs", "1:3.0.7-16.el9_2", "", RHEL_9, null), fixed))
        .isTrue();
  }

  @Test
  void coversCpesByComponent() {
    assertThat(
            RedHatCpe.covers(
                "cpe:/o:redhat:enterprise_linux:9", "cpe:/o:redhat:enterprise_linux:9::baseos"))
        .isTrue();
    assertThat(
            RedHatCpe.covers(
                "cpe:/o:redhat:enterprise_linux:9::baseos", "cpe:/o:redhat:enterprise_linux:9"))
        .isFalse();
    assertThat(
            RedHatCpe.covers(
                "cpe:/a:redhat:rhel_eus:9.2::appstream",
                "cpe:/a:redhat:enterprise_linux:9::appstream"))
        .isFalse();
    assertThat(
            RedHatCpe.covers(
                "cpe:/a:redhat:enterprise_linux:9*::appstream",
                "cpe:/a:redhat:enterprise_linux:9::appstream"))
        .isTrue();
    assertThat(RedHatCpe.covers("not-a-cpe", "cpe:/o:redhat:enterprise_linux:9")).isFalse();
  }

  @Test
  void takesBinaryPackagesOfRhelAndCentos() {
    Distribution centos = new Distribution("1", "centos", "", "", "", "7", "", "", "");
    Distribution fedora = new Distribution("1", "fedora", "", "", "", "39", "", "", "");

    assertThat(matcher.filter(installed("curl", "1-1", "", RHEL_9, null))).isTrue();
    assertThat(matcher.filter(installed("curl", "1-1", "", centos, null))).isTrue();
    assertThat(matcher.filter(installed("curl", "1-1", "", fedora, null))).isFalse();
    assertThat(matcher.queries())
        .containsExactly(
            Set.of(MatchConstraint.PACKAGE_NAME), Set.of(MatchConstraint.REPOSITORY_NAME));
  }
}
