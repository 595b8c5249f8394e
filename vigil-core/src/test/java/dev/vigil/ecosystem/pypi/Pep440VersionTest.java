package dev.vigil.ecosystem.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.spi.VersionScheme;
import dev.vigil.spi.VersionVectors;
import org.junit.jupiter.api.Test;

class Pep440VersionTest extends VersionVectors {
  private static final Pep440Version SCHEME = Pep440Version.INSTANCE;

  @Override
  protected VersionScheme scheme() {
    return SCHEME;
  }

  @Override
  protected String resource() {
    return "/ecosystem/pypi/vectors.txt";
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
