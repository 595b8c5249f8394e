package dev.vigil.ecosystem.osv;

import dev.vigil.ecosystem.golang.GoVersion;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.ecosystem.maven.MavenVersion;
import dev.vigil.ecosystem.npm.NpmVersion;
import dev.vigil.ecosystem.pypi.Pep440Version;
import dev.vigil.ecosystem.rubygems.GemVersion;
import dev.vigil.spi.VersionScheme;

/** The version ordering each OSV ecosystem's {@code ECOSYSTEM} and {@code SEMVER} ranges use. */
final class OsvVersions {
  private OsvVersions() {}

  /** The scheme of {@code ecosystem}. */
  static VersionScheme of(OsvEcosystem ecosystem) {
    return switch (ecosystem) {
      case MAVEN -> MavenVersion.INSTANCE;
      case PYPI -> Pep440Version.INSTANCE;
      case NPM -> NpmVersion.INSTANCE;
      case GO -> GoVersion.INSTANCE;
      case RUBYGEMS -> GemVersion.INSTANCE;
    };
  }
}
