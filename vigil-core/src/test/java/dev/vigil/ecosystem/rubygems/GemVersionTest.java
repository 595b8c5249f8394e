package dev.vigil.ecosystem.rubygems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.spi.VersionScheme;
import dev.vigil.spi.VersionVectors;
import org.junit.jupiter.api.Test;

class GemVersionTest extends VersionVectors {
  private static final GemVersion SCHEME = GemVersion.INSTANCE;

  @Override
  protected VersionScheme scheme() {
    return SCHEME;
  }

  @Override
  protected String resource() {
    return "/ecosystem/rubygems/vectors.txt";
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
