package dev.vigil.purl;

import static dev.vigil.ecosystem.lang.OsvEcosystem.GO;
import static dev.vigil.ecosystem.lang.OsvEcosystem.MAVEN;
import static dev.vigil.ecosystem.lang.OsvEcosystem.NPM;
import static dev.vigil.ecosystem.lang.OsvEcosystem.PYPI;
import static dev.vigil.ecosystem.lang.OsvEcosystem.RUBYGEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Package URLs as Trivy and Syft write them. The purls read here are copied from real documents:
 * Syft's CycloneDX of alpine 3.16.2 (guacsec/guac testdata), Trivy's of alpine 3.15, Canonical's
 * OpenVEX ({@code feeds/ubuntu-osv-vex}) and Red Hat's CSAF VEX ({@code feeds/redhat-csaf-vex}).
 */
class PackageUrlsTest {
  /** Alpine 3.10.4 as the release scanner reports it for the alpine:3.10 fixture image. */
  private static final Distribution ALPINE_3_10 =
      new Distribution(
          "1", "alpine", "Alpine Linux", "3.10.4", "", "3.10.4", "", "", "Alpine Linux v3.10");

  @Test
  void alpinePackagesCarryArchDistroAndTheirOrigin() {
    Package musl = Package.binary("musl", "1.1.22-r3", "x86_64", Package.source("musl", ""));
    Package sslClient =
        Package.binary("ssl_client", "1.30.1-r5", "x86_64", Package.source("busybox", "1.30.1-r5"));

    assertThat(PackageUrls.format(musl, ALPINE_3_10))
        .isEqualTo("pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4");
    assertThat(PackageUrls.format(sslClient, ALPINE_3_10))
        .isEqualTo(
            "pkg:apk/alpine/ssl_client@1.30.1-r5?arch=x86_64&distro=alpine-3.10.4&upstream=busybox");
  }

  @Test
  void aPackageWithoutDistributionIsGeneric() {
    assertThat(PackageUrls.format(Package.binary("musl", "1.1.22-r3", "x86_64", null), null))
        .isEqualTo("pkg:generic/musl@1.1.22-r3");
  }

  @Test
  void readsWhatItWrites() {
    Package sslClient =
        Package.binary("ssl_client", "1.30.1-r5", "x86_64", Package.source("busybox", "1.30.1-r5"));

    PurlPackage read = PackageUrls.parse(PackageUrls.format(sslClient, ALPINE_3_10)).orElseThrow();

    assertThat(read.pkg()).isEqualTo(sslClient);
    assertThat(read.type()).isEqualTo(PackageUrls.APK);
    assertThat(read.did()).isEqualTo("alpine");
    assertThat(read.distribution().versionId()).isEqualTo("3.10.4");
  }

  @Test
  void readsSyftsLegacyAlpineType() {
    PurlPackage read =
        PackageUrls.parse(
                "pkg:alpine/busybox@1.35.0-r17?arch=x86_64&upstream=busybox&distro=alpine-3.16.2")
            .orElseThrow();

    assertThat(read.type()).isEqualTo(PackageUrls.APK);
    assertThat(read.did()).isEqualTo("alpine");
    assertThat(read.pkg().name()).isEqualTo("busybox");
    assertThat(read.pkg().sourceName()).isEqualTo("busybox");
    assertThat(read.distribution().versionId()).isEqualTo("3.16.2");
  }

  @Test
  void readsTrivysBareDistroVersion() {
    PurlPackage read =
        PackageUrls.parse("pkg:apk/alpine/musl@1.2.2-r9?arch=x86_64&distro=3.15.11").orElseThrow();

    assertThat(read.distribution().did()).isEqualTo("alpine");
    assertThat(read.distribution().versionId()).isEqualTo("3.15.11");
    assertThat(read.pkg().source()).isNull();
  }

  @Test
  void readsDebianCodenamesAndRpmEpochs() {
    PurlPackage curl =
        PackageUrls.parse("pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=jammy")
            .orElseThrow();
    PurlPackage foreman =
        PackageUrls.parse("pkg:rpm/redhat/foreman-installer@3.5.2.1-1.el8sat?arch=src&epoch=1")
            .orElseThrow();

    assertThat(curl.distribution().versionCodeName()).isEqualTo("jammy");
    assertThat(curl.distribution().versionId()).isEmpty();
    assertThat(foreman.did()).isEqualTo("rhel");
    assertThat(foreman.pkg().version()).isEqualTo("1:3.5.2.1-1.el8sat");
    assertThat(foreman.distribution()).isNull();
    assertThat(PackageUrls.format(foreman.pkg(), rhel9()))
        .isEqualTo(
            "pkg:rpm/redhat/foreman-installer@3.5.2.1-1.el8sat?arch=src&distro=rhel-9.2&epoch=1");
  }

  @Test
  void languagePackagesAreNotOperatingSystemPackages() {
    assertThat(PackageUrls.parse("pkg:npm/bootstrap@5.0.2")).isEmpty();
    assertThat(PackageUrls.parse("pkg:maven/org.codehaus.mojo/child-project@1.0")).isEmpty();
  }

  @Test
  void languagePackagesGetTheirEcosystemsType() {
    assertThat(language("com.fasterxml.jackson.core:jackson-databind", "2.9.10.6", MAVEN))
        .isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10.6");
    assertThat(language("Flask", "2.0.0", PYPI)).isEqualTo("pkg:pypi/flask@2.0.0");
    assertThat(language("typing_extensions", "4.4.0", PYPI))
        .isEqualTo("pkg:pypi/typing-extensions@4.4.0");
    assertThat(language("@babel/parser", "7.23.6", NPM))
        .isEqualTo("pkg:npm/%40babel/parser@7.23.6");
    assertThat(language("express", "4.16.4", NPM)).isEqualTo("pkg:npm/express@4.16.4");
    assertThat(language("golang.org/x/xerrors", "0.0.0-20200804184101-5ec99f83aff1", GO))
        .isEqualTo("pkg:golang/golang.org/x/xerrors@v0.0.0-20200804184101-5ec99f83aff1");
    assertThat(language("stdlib", "1.22.1", GO)).isEqualTo("pkg:golang/stdlib@1.22.1");
    assertThat(language("rake", "13.0.6", RUBYGEMS)).isEqualTo("pkg:gem/rake@13.0.6");
  }

  @Test
  void anOperatingSystemRepositoryKeepsTheDistributionsType() {
    Package musl = Package.binary("musl", "1.1.22-r3", "x86_64", null);
    Repository other = new Repository("1", "main", "", "https://dl-cdn.alpinelinux.org", "");
    assertThat(PackageUrls.format(musl, ALPINE_3_10, List.of(other)))
        .isEqualTo("pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4");
  }

  private static String language(String name, String version, OsvEcosystem ecosystem) {
    return PackageUrls.format(
        Package.binary(name, version, "", null), ALPINE_3_10, List.of(ecosystem.repository()));
  }

  @Test
  void malformedTextIsRejected() {
    assertThatThrownBy(() -> PackageUrls.parse("musl 1.1.22-r3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("purl: malformed");
  }

  @Test
  void aConstraintMatchesAnyVersionAndOnlyTheQualifiersItNames() {
    var musl =
        PackageUrls.parsePurl("pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4");

    assertThat(PackageUrls.matches(PackageUrls.parsePurl("pkg:apk/alpine/musl"), musl)).isTrue();
    assertThat(PackageUrls.matches(PackageUrls.parsePurl("pkg:apk/alpine/musl@1.1.22-r3"), musl))
        .isTrue();
    assertThat(
            PackageUrls.matches(
                PackageUrls.parsePurl("pkg:apk/alpine/musl?distro=alpine-3.10.4"), musl))
        .isTrue();
    assertThat(PackageUrls.matches(PackageUrls.parsePurl("pkg:apk/alpine/musl@1.1.22-r4"), musl))
        .isFalse();
    assertThat(PackageUrls.matches(PackageUrls.parsePurl("pkg:apk/alpine/musl?arch=aarch64"), musl))
        .isFalse();
    assertThat(PackageUrls.matches(PackageUrls.parsePurl("pkg:apk/wolfi/musl"), musl)).isFalse();
  }

  private static Distribution rhel9() {
    return new Distribution(
        "", "rhel", "Red Hat Enterprise Linux", "9.2 (Plow)", "", "9.2", "", "", "RHEL 9.2");
  }
}
