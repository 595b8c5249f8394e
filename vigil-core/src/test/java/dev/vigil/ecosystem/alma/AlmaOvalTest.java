package dev.vigil.ecosystem.alma;

import static dev.vigil.ecosystem.rpm.Findings.os;
import static dev.vigil.ecosystem.rpm.Findings.rpm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.rpm.Findings;
import dev.vigil.feed.FeedClient;
import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import dev.vigil.testing.Compress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code alma} updater over a mirror laid out like {@code repo.almalinux.org/security/oval/}
 * holding {@code org.almalinux.alsa-8.xml.bz2}. No AlmaLinux OVAL is among the shared fixtures, so
 * the test writes one in AlmaLinux's (Red Hat's) shape: the "AlmaLinux must be installed" guard
 * ORed with the statements, "AlmaLinux 8 is installed" on {@code almalinux-release}, a module
 * stream test, "is earlier than" with an architecture pattern and "is signed with" per package.
 */
class AlmaOvalTest {
  private static final Distribution ALMA_8 = os("almalinux", "8.5");
  private static final String HEAD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5" \
      xmlns:red-def="http://oval.mitre.org/XMLSchema/oval-definitions-5#linux" \
      xmlns:ind-def="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent">
      """;
  private static final String OVAL =
      HEAD
          + """
      <definitions>
        <definition class="patch" id="oval:org.almalinux.alsa:def:20214179" version="1">
          <metadata>
            <title>ALSA-2021:4179: container-tools:rhel8 security update (Moderate)</title>
            <reference ref_id="ALSA-2021:4179" source="ALSA"
                ref_url="https://errata.almalinux.org/8/ALSA-2021-4179.html"/>
            <reference ref_id="CVE-2021-3602" source="CVE"
                ref_url="https://access.redhat.com/security/cve/CVE-2021-3602"/>
            <advisory from="errata.almalinux.org">
              <severity>Moderate</severity>
              <issued date="2021-11-09"/>
              <cve href="https://access.redhat.com/security/cve/CVE-2021-3602">CVE-2021-3602</cve>
            </advisory>
          </metadata>
          <criteria operator="OR">
            <criterion comment="AlmaLinux must be installed" test_ref="oval:t:tst:1"/>
            <criteria operator="AND">
              <criterion comment="Module container-tools:rhel8 is enabled" test_ref="oval:t:tst:2"/>
              <criteria operator="AND">
                <criterion comment="buildah is earlier than 0:1.22.3-2.module_el8.5.0+2533+9b3dbd6a" test_ref="oval:t:tst:3"/>
                <criterion comment="buildah is signed with AlmaLinux OS 8 key" test_ref="oval:t:tst:4"/>
              </criteria>
              <criterion comment="AlmaLinux 8 is installed" test_ref="oval:t:tst:5"/>
            </criteria>
          </criteria>
        </definition>
        <definition class="patch" id="oval:org.almalinux.alsa:def:20214904" version="1">
          <metadata>
            <title>ALSA-2021:4904: openssl security update (Important)</title>
            <reference ref_id="ALSA-2021:4904" source="ALSA"
                ref_url="https://errata.almalinux.org/8/ALSA-2021-4904.html"/>
            <advisory from="errata.almalinux.org">
              <severity>Important</severity>
              <cve href="https://access.redhat.com/security/cve/CVE-2021-43527">CVE-2021-43527</cve>
            </advisory>
          </metadata>
          <criteria operator="OR">
            <criterion comment="AlmaLinux must be installed" test_ref="oval:t:tst:1"/>
            <criteria operator="AND">
              <criteria operator="OR">
                <criteria operator="AND">
                  <criterion comment="openssl-libs is earlier than 1:1.1.1k-5.el8_5" test_ref="oval:t:tst:6"/>
                  <criterion comment="openssl-libs is signed with AlmaLinux OS 8 key" test_ref="oval:t:tst:7"/>
                </criteria>
                <criteria operator="AND">
                  <criterion comment="openssl is earlier than 1:1.1.1k-5.el8_5" test_ref="oval:t:tst:8"/>
                  <criterion comment="openssl is signed with AlmaLinux OS 8 key" negate="true" test_ref="oval:t:tst:9"/>
                </criteria>
              </criteria>
              <criterion comment="AlmaLinux 8 is installed" test_ref="oval:t:tst:5"/>
            </criteria>
          </criteria>
        </definition>
      </definitions>
      <tests>
        <red-def:rpmverifyfile_test check="none satisfy" comment="AlmaLinux must be installed" id="oval:t:tst:1" version="1">
          <red-def:object object_ref="oval:t:obj:1"/>
          <red-def:state state_ref="oval:t:ste:1"/>
        </red-def:rpmverifyfile_test>
        <ind-def:textfilecontent54_test check="at least one" comment="Module container-tools:rhel8 is enabled" id="oval:t:tst:2" version="1">
          <ind-def:object object_ref="oval:t:obj:2"/>
        </ind-def:textfilecontent54_test>
        <red-def:rpminfo_test check="at least one" comment="buildah is earlier than" id="oval:t:tst:3" version="1">
          <red-def:object object_ref="oval:t:obj:3"/>
          <red-def:state state_ref="oval:t:ste:3"/>
        </red-def:rpminfo_test>
        <red-def:rpminfo_test check="at least one" comment="buildah is signed" id="oval:t:tst:4" version="1">
          <red-def:object object_ref="oval:t:obj:3"/>
          <red-def:state state_ref="oval:t:ste:4"/>
        </red-def:rpminfo_test>
        <red-def:rpminfo_test check="at least one" comment="AlmaLinux 8 is installed" id="oval:t:tst:5" version="1">
          <red-def:object object_ref="oval:t:obj:5"/>
          <red-def:state state_ref="oval:t:ste:5"/>
        </red-def:rpminfo_test>
        <red-def:rpminfo_test check="at least one" comment="openssl-libs is earlier than" id="oval:t:tst:6" version="1">
          <red-def:object object_ref="oval:t:obj:6"/>
          <red-def:state state_ref="oval:t:ste:6"/>
        </red-def:rpminfo_test>
        <red-def:rpminfo_test check="at least one" comment="openssl-libs is signed" id="oval:t:tst:7" version="1">
          <red-def:object object_ref="oval:t:obj:6"/>
          <red-def:state state_ref="oval:t:ste:4"/>
        </red-def:rpminfo_test>
        <red-def:rpminfo_test check="at least one" comment="openssl is earlier than" id="oval:t:tst:8" version="1">
          <red-def:object object_ref="oval:t:obj:8"/>
          <red-def:state state_ref="oval:t:ste:6"/>
        </red-def:rpminfo_test>
        <red-def:rpminfo_test check="at least one" comment="openssl is signed" id="oval:t:tst:9" version="1">
          <red-def:object object_ref="oval:t:obj:8"/>
          <red-def:state state_ref="oval:t:ste:4"/>
        </red-def:rpminfo_test>
      </tests>
      <objects>
        <red-def:rpmverifyfile_object id="oval:t:obj:1" version="1">
          <red-def:filepath>/etc/redhat-release</red-def:filepath>
        </red-def:rpmverifyfile_object>
        <ind-def:textfilecontent54_object id="oval:t:obj:2" version="1">
          <ind-def:filepath>/etc/dnf/modules.d/container-tools.module</ind-def:filepath>
        </ind-def:textfilecontent54_object>
        <red-def:rpminfo_object id="oval:t:obj:3" version="1"><red-def:name>buildah</red-def:name></red-def:rpminfo_object>
        <red-def:rpminfo_object id="oval:t:obj:5" version="1"><red-def:name>almalinux-release</red-def:name></red-def:rpminfo_object>
        <red-def:rpminfo_object id="oval:t:obj:6" version="1"><red-def:name>openssl-libs</red-def:name></red-def:rpminfo_object>
        <red-def:rpminfo_object id="oval:t:obj:8" version="1"><red-def:name>openssl</red-def:name></red-def:rpminfo_object>
      </objects>
      <states>
        <red-def:rpmverifyfile_state id="oval:t:ste:1" version="1">
          <red-def:name operation="pattern match">^almalinux-release</red-def:name>
        </red-def:rpmverifyfile_state>
        <red-def:rpminfo_state id="oval:t:ste:3" version="1">
          <red-def:arch datatype="string" operation="pattern match">aarch64|ppc64le|s390x|x86_64</red-def:arch>
          <red-def:evr datatype="evr_string" operation="less than">0:1.22.3-2.module_el8.5.0+2533+9b3dbd6a</red-def:evr>
        </red-def:rpminfo_state>
        <red-def:rpminfo_state id="oval:t:ste:4" version="1">
          <red-def:signature_keyid operation="equals">51d6647ec21ad6ea</red-def:signature_keyid>
        </red-def:rpminfo_state>
        <red-def:rpminfo_state id="oval:t:ste:5" version="1">
          <red-def:version operation="pattern match">^8[^\\d]</red-def:version>
        </red-def:rpminfo_state>
        <red-def:rpminfo_state id="oval:t:ste:6" version="1">
          <red-def:arch datatype="string" operation="pattern match">aarch64|i686|x86_64</red-def:arch>
          <red-def:evr datatype="evr_string" operation="less than">1:1.1.1k-5.el8_5</red-def:evr>
        </red-def:rpminfo_state>
      </states>
      </oval_definitions>
      """;

  @TempDir static Path tmp;
  private static Updater updater;
  private static List<Vulnerability> vulns;
  private final AlmaMatcher matcher = new AlmaMatcher();

  @BeforeAll
  static void fetchAndParse() throws IOException {
    Path written = Files.writeString(tmp.resolve("org.almalinux.alsa-8.xml"), OVAL);
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Compress.bzip2(written, mirror.resolve("org.almalinux.alsa-8.xml.bz2"));
    updater =
        AlmaOval.updaterFactory().create(mirror.toUri(), new FeedClient(Duration.ofSeconds(10)));
    Path fetched = Files.createDirectories(tmp.resolve("fetched"));
    updater.fetch(fetched, "");
    vulns = updater.parse(fetched);
  }

  @Test
  void statesModuleStreamsArchitecturesAndTheRelease() {
    assertThat(vulns)
        .extracting(
            v -> String.join(" ", v.name(), v.pkg().name(), v.pkg().module(), v.fixedInVersion()))
        .containsExactly(
            "CVE-2021-3602 buildah container-tools:rhel8 0:1.22.3-2.module_el8.5.0+2533+9b3dbd6a",
            "CVE-2021-43527 openssl-libs  1:1.1.1k-5.el8_5");
    assertThat(vulns)
        .allSatisfy(
            v -> {
              assertThat(v.distribution().did()).isEqualTo("almalinux");
              assertThat(v.distribution().versionId()).isEqualTo("8");
              assertThat(v.archOp()).isEqualTo("pattern match");
            });
  }

  @Test
  void matchesByModuleStreamArchitectureAndRelease() {
    assertThat(
            Findings.of(
                matcher,
                vulns,
                rpm(
                    ALMA_8,
                    "buildah",
                    "1.22.3-1.module_el8.5.0+2533+9b3dbd6a",
                    "x86_64",
                    "container-tools:rhel8"),
                rpm(ALMA_8, "openssl-libs", "1:1.1.1k-4.el8", "x86_64", "")))
        .containsExactly("CVE-2021-3602 buildah", "CVE-2021-43527 openssl-libs");
    assertThat(
            Findings.of(
                matcher,
                vulns,
                rpm(ALMA_8, "buildah", "1.22.3-1.module_el8.5.0+2533+9b3dbd6a", "x86_64", ""),
                rpm(
                    ALMA_8,
                    "buildah",
                    "1.22.3-1.module_el8.5.0+2533+9b3dbd6a",
                    "x86_64",
                    "container-tools:2.0"),
                rpm(ALMA_8, "openssl-libs", "1:1.1.1k-5.el8_5", "x86_64", ""),
                rpm(ALMA_8, "openssl-libs", "1:1.1.1k-4.el8", "s390x", ""),
                rpm(ALMA_8, "openssl", "1:1.1.1k-4.el8", "x86_64", ""),
                rpm(os("almalinux", "9.1"), "openssl-libs", "1:1.1.1k-4.el8", "x86_64", "")))
        .isEmpty();
  }

  @Test
  void refusesADoctype() throws IOException {
    Path hostile = Files.createDirectories(tmp.resolve("hostile"));
    Files.writeString(
        hostile.resolve("org.almalinux.alsa-9.xml"),
        OVAL.replace(
            "<oval_definitions",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><oval_definitions"));

    assertThatThrownBy(() -> updater.parse(hostile))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("DOCTYPE declarations are not allowed");
  }
}
