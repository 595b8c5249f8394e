package dev.vigil.ecosystem.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.VersionVectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoVersionTest {
  private static final GoVersion SCHEME = GoVersion.INSTANCE;

  static List<Arguments> vectors() {
    return VersionVectors.read("/ecosystem/golang/vectors.txt");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("vectors")
  void ordersAsTheVectorsSay(String a, String op, String b) {
    VersionVectors.check(SCHEME, a, op, b);
  }

  @Test
  void tellsValidVersions() {
    assertThat(SCHEME.isValid("v1.2.3+incompatible")).isTrue();
    assertThat(SCHEME.isValid("1.22rc1")).isTrue();
    assertThat(SCHEME.isValid("go1.22.1")).isTrue();
    assertThat(SCHEME.isValid("v1.2-pre")).isFalse();
    assertThat(SCHEME.isValid("v01.2.3")).isFalse();
    assertThat(SCHEME.isValid("")).isFalse();
    assertThat(SCHEME.name()).isEqualTo("go");
  }
}
