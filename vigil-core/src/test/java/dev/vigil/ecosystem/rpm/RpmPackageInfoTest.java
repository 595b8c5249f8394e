package dev.vigil.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Package;
import dev.vigil.spi.ScanException;
import org.junit.jupiter.api.Test;

class RpmPackageInfoTest {

  private static RpmPackageInfo info(Integer epoch, String sourceRpm, String label) {
    return new RpmPackageInfo(
        "nodejs",
        epoch,
        "12.22.5",
        "1.module+el8.4.0+12345+abcdef01",
        "x86_64",
        sourceRpm,
        "Red Hat, Inc.",
        label);
  }

  @Test
  void writesTheEpochOnlyWhenItIsNotZero() {
    assertThat(info(null, "", "").evr()).isEqualTo("12.22.5-1.module+el8.4.0+12345+abcdef01");
    assertThat(info(0, "", "").evr()).isEqualTo("12.22.5-1.module+el8.4.0+12345+abcdef01");
    assertThat(info(1, "", "").evr()).isEqualTo("1:12.22.5-1.module+el8.4.0+12345+abcdef01");
    assertThat(info(-1, "", "").evr()).startsWith("4294967295:");
  }

  @Test
  void namesTheModuleByNameAndStream() {
    RpmPackageInfo modular =
        info(
            1,
            "nodejs-12.22.5-1.module+el8.4.0+12345+abcdef01.src.rpm",
            "nodejs:12:8040020210817085216:522a0ee4");

    Package pkg = modular.toPackage();

    assertThat(pkg.module()).isEqualTo("nodejs:12");
    assertThat(pkg.source().module()).isEqualTo("nodejs:12");
    assertThat(pkg.source().name()).isEqualTo("nodejs");
    assertThat(pkg.source().version()).isEqualTo("12.22.5-1.module+el8.4.0+12345+abcdef01");
    assertThat(pkg.source().kind()).isEqualTo(Package.SOURCE);
    assertThat(pkg.kind()).isEqualTo(Package.BINARY);
    assertThat(pkg.arch()).isEqualTo("x86_64");
    assertThat(info(null, "", "").module()).isEmpty();
    assertThat(info(null, "", "perl").module()).isEmpty();
  }

  @Test
  void parsesSourceRpmFileNames() {
    assertThat(info(null, "openssl-1.1.1k-7.cm2.src.rpm", "").source())
        .contains(Package.source("openssl", "1.1.1k-7.cm2"));
    assertThat(info(null, "gcc11-11.2.1+git610-1.3.9.src.rpm", "").source())
        .contains(Package.source("gcc11", "11.2.1+git610-1.3.9"));
    assertThat(info(null, "device-mapper-multipath-0.4.7-64.el5_11.nosrc.rpm", "").source())
        .contains(Package.source("device-mapper-multipath", "0.4.7-64.el5_11"));
    assertThat(info(null, "", "").source()).isEmpty();
    assertThat(info(null, "(none)", "").source()).isEmpty();
    assertThat(info(null, "openssl.src.rpm", "").source()).isEmpty();
    assertThat(info(null, "openssl-1.0.src.rpm", "").source()).isEmpty();
    assertThat(info(null, "-1.0-1.src.rpm", "").source()).isEmpty();
    assertThat(info(null, "openssl--1.src.rpm", "").source()).isEmpty();
    assertThat(info(null, "openssl-1.0-.src.rpm", "").source()).isEmpty();
    assertThat(info(null, "openssl-1.0-1.rpm", "").source()).isEmpty();
  }

  @Test
  void needsNameVersionAndRelease() throws ScanException {
    byte[] noRelease = TestHeaders.header(RpmHeader.NAME, "a", RpmHeader.VERSION, "1");
    byte[] noneName =
        TestHeaders.header(
            RpmHeader.NAME, "(none)", RpmHeader.VERSION, "1", RpmHeader.RELEASE, "1");

    assertThatThrownBy(() -> RpmPackageInfo.of(RpmHeader.parse(noRelease)))
        .isInstanceOf(ScanException.class)
        .hasMessage("header has no release");
    assertThatThrownBy(() -> RpmPackageInfo.of(RpmHeader.parse(noneName)))
        .isInstanceOf(ScanException.class)
        .hasMessage("header has no name");
    assertThat(RpmPackageInfo.of(RpmHeader.parse(TestHeaders.pkg("a", "1", "2", ""))))
        .isEqualTo(new RpmPackageInfo("a", null, "1", "2", "x86_64", "", "", ""));
  }
}
