package dev.vigil.ecosystem.rubygems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.VersionVectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemVersionTest {
  private static final GemVersion SCHEME = GemVersion.INSTANCE;

  static List<Arguments> vectors() {
    return VersionVectors.read("/ecosystem/rubygems/vectors.txt");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("vectors")
  void ordersAsTheVectorsSay(String a, String op, String b) {
    VersionVectors.check(SCHEME, a, op, b);
  }

  @Test
  void tellsValidVersions() {
    assertThat(SCHEME.isValid("1.2.3.pre1")).isTrue();
    assertThat(SCHEME.isValid("1.0.0-rc1")).isTrue();
    assertThat(SCHEME.isValid("")).isTrue();
    assertThat(SCHEME.compare("", "0")).isZero();
    assertThat(SCHEME.isValid("junk")).isFalse();
    assertThat(SCHEME.isValid("1.0\n2.0")).isFalse();
    assertThat(SCHEME.name()).isEqualTo("rubygems");
  }
}
