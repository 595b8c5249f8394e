package dev.vigil.ecosystem.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.VersionVectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Pep440VersionTest {
  private static final Pep440Version SCHEME = Pep440Version.INSTANCE;

  static List<Arguments> vectors() {
    return VersionVectors.read("/ecosystem/pypi/vectors.txt");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("vectors")
  void ordersAsTheVectorsSay(String a, String op, String b) {
    VersionVectors.check(SCHEME, a, op, b);
  }

  @Test
  void tellsValidVersions() {
    assertThat(SCHEME.isValid("1!2.0.0rc1.post2.dev3+local.7")).isTrue();
    assertThat(SCHEME.isValid(" v1.0 ")).isTrue();
    assertThat(SCHEME.isValid("1.0.dev1.a1")).isFalse();
    assertThat(SCHEME.isValid("french toast")).isFalse();
    assertThat(SCHEME.compare("french toast", "0.1")).isNegative();
    assertThat(SCHEME.name()).isEqualTo("pypi");
  }
}
