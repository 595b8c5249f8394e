package dev.vigil.ecosystem.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.spi.VersionScheme;
import dev.vigil.spi.VersionVectors;
import org.junit.jupiter.api.Test;

class NpmVersionTest extends VersionVectors {
  private static final NpmVersion SCHEME = NpmVersion.INSTANCE;

  @Override
  protected VersionScheme scheme() {
    return SCHEME;
  }

  @Override
  protected String resource() {
    return "/ecosystem/npm/vectors.txt";
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
