package dev.vigil.ecosystem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.VersionVectors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MavenVersionTest {
  private static final MavenVersion SCHEME = MavenVersion.INSTANCE;

  static List<Arguments> vectors() {
    return VersionVectors.read("/ecosystem/maven/vectors.txt");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("vectors")
  void ordersAsTheVectorsSay(String a, String op, String b) {
    VersionVectors.check(SCHEME, a, op, b);
  }

  @Test
  void tellsValidVersions() {
    assertThat(SCHEME.isValid("2.9.10.6")).isTrue();
    assertThat(SCHEME.isValid("1.0-SNAPSHOT")).isTrue();
    assertThat(SCHEME.isValid("[1.0,2.0)")).isFalse();
    assertThat(SCHEME.isValid("")).isFalse();
    assertThat(SCHEME.isValid(null)).isFalse();
    assertThat(SCHEME.name()).isEqualTo("maven");
  }
}
