package dev.vigil.ecosystem.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.spi.VersionScheme;
import dev.vigil.spi.VersionVectors;
import org.junit.jupiter.api.Test;

class GoVersionTest extends VersionVectors {
  private static final GoVersion SCHEME = GoVersion.INSTANCE;

  @Override
  protected VersionScheme scheme() {
    return SCHEME;
  }

  @Override
  protected String resource() {
    return "/ecosystem/golang/vectors.txt";
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
