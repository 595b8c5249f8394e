package dev.vigil.ecosystem.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.VersionVectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpmVersionTest {
  private static final NpmVersion SCHEME = NpmVersion.INSTANCE;

  static List<Arguments> vectors() {
    return VersionVectors.read("/ecosystem/npm/vectors.txt");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("vectors")
  void ordersAsTheVectorsSay(String a, String op, String b) {
    VersionVectors.check(SCHEME, a, op, b);
  }

  @Test
  void tellsValidVersions() {
    assertThat(SCHEME.isValid("5.0.0-alpha.1")).isTrue();
    assertThat(SCHEME.isValid("v1.2.3")).isTrue();
    assertThat(SCHEME.isValid("1.2")).isFalse();
    assertThat(SCHEME.isValid("01.2.3")).isFalse();
    assertThat(SCHEME.isValid("1.2.3-01")).isFalse();
    assertThat(SCHEME.compare("not a version", "0.0.1")).isNegative();
    assertThat(SCHEME.name()).isEqualTo("npm");
  }
}
