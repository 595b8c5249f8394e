package dev.vigil.ecosystem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.spi.VersionScheme;
import dev.vigil.spi.VersionVectors;
import org.junit.jupiter.api.Test;

class MavenVersionTest extends VersionVectors {
  private static final MavenVersion SCHEME = MavenVersion.INSTANCE;

  @Override
  protected VersionScheme scheme() {
    return SCHEME;
  }

  @Override
  protected String resource() {
    return "/ecosystem/maven/vectors.txt";
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
