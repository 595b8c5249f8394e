package dev.vigil.ecosystem.osrelease;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cpe:/o:redhat:enterprise_linux:9::baseos"
            + " | cpe:2.3:o:redhat:enterprise_linux:9:*:baseos:*:*:*:*:*",
        "cpe:/o:redhat:enterprise_linux:7.3:GA:server"
            + " | cpe:2.3:o:redhat:enterprise_linux:7.3:ga:server:*:*:*:*:*",
        "cpe:/o:oracle:linux:8:3:server | cpe:2.3:o:oracle:linux:8:3:server:*:*:*:*:*",
        "cpe:/o:suse:sles:15:sp2 | cpe:2.3:o:suse:sles:15:sp2:*:*:*:*:*:*",
        "cpe:2.3:o:amazon:amazon_linux:2 | cpe:2.3:o:amazon:amazon_linux:2:*:*:*:*:*:*:*",
        "cpe:2.3:o:amazon:amazon_linux:2023:*:*:*:*:*:*:*"
            + " | cpe:2.3:o:amazon:amazon_linux:2023:*:*:*:*:*:*:*",
        // NISTIR 7695's example of a packed edition
        "cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~"
            + " | cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*",
        "cpe:/a:vendor:product:1.0:u1:e:en-us | cpe:2.3:a:vendor:product:1.0:u1:e:en-us:*:*:*:*",
        "cpe:/a:foo%21bar:baz | cpe:2.3:a:foo\\!bar:baz:*:*:*:*:*:*:*:*",
        "cpe:/a:foo:c++ | cpe:2.3:a:foo:c\\+\\+:*:*:*:*:*:*:*:*",
        "  CPE:/O:CentOS:Linux:6:GA | cpe:2.3:o:centos:linux:6:ga:*:*:*:*:*:*"
      })
  void rewritesAsCpe23(String given, String expected) {
    assertThat(Cpe.normalize(given)).isEqualTo(expected);
    assertThat(Cpe.normalize(expected)).as("idempotent").isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a cpe",
        "cpe:/a:b:c:d:e:f:g:h",
        "cpe:/a:b%zz",
        "cpe:/a:b%2",
        "cpe:/a:b:c:d:e:~x~y",
        "cpe:2.3:o::x",
        "cpe:2.3:a:b:c:d:e:f:g:h:i:j:k:l"
      })
  void rejectsWhatIsNotACpeName(String given) {
    assertThat(Cpe.parse(given)).isEmpty();
    assertThat(Cpe.normalize(given)).isEmpty();
  }

  @Test
  void givesItsAttributes() {
    Cpe cpe = Cpe.parse("cpe:/o:centos:linux:6:GA").orElseThrow();

    assertThat(cpe.attribute(1)).isEqualTo("centos");
    assertThat(cpe.attribute(3)).isEqualTo("6");
    assertThat(cpe.attributes()).hasSize(11);
    assertThat(Cpe.parse(null)).isEmpty();
  }
}
