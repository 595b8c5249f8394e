package dev.vigil.ecosystem.lang;

import dev.vigil.model.Repository;
import java.util.Optional;

/**
 * The language ecosystems Vigil matches through OSV data. A language package scanner states its
 * package's {@link #repository()}; the OSV updater and matcher key on {@link #osvName()}, the
 * ecosystem name OSV records use ({@code affected[].package.ecosystem}).
 *
 * <p>Package names are written as OSV writes them: Maven {@code groupId:artifactId}, PyPI the
 * project name, npm the package name (with its scope), Go the module path ({@code stdlib} for the
 * standard library), RubyGems the gem name.
 */
public enum OsvEcosystem {
  /** Java archives. */
  MAVEN("Maven", "https://repo1.maven.apache.org/maven2"),
  /** Python distributions. */
  PYPI("PyPI", "https://pypi.org/simple"),
  /** Node.js packages. */
  NPM("npm", "https://registry.npmjs.org"),
  /** Go modules and the Go standard library. */
  GO("Go", "https://proxy.golang.org"),
  /** Ruby gems. */
  RUBYGEMS("RubyGems", "https://rubygems.org");

  /** The repository key that marks a repository as a language ecosystem's. */
  public static final String REPOSITORY_KEY = "osv-ecosystem";

  private final String osvName;
  private final String uri;

  OsvEcosystem(String osvName, String uri) {
    this.osvName = osvName;
    this.uri = uri;
  }

  /** The ecosystem's name in OSV records, e.g. {@code PyPI}. */
  public String osvName() {
    return osvName;
  }

  /** The repository a package of this ecosystem comes from, as index reports carry it. */
  public Repository repository() {
    return new Repository("", osvName, REPOSITORY_KEY, uri, "");
  }

  /** The ecosystem a repository of an index report stands for, if it is a language one. */
  public static Optional<OsvEcosystem> of(Repository repository) {
    if (repository == null || !REPOSITORY_KEY.equals(repository.key())) {
      return Optional.empty();
    }
    return byOsvName(repository.name());
  }

  /** The ecosystem OSV calls {@code name}, if Vigil knows it. */
  public static Optional<OsvEcosystem> byOsvName(String name) {
    for (OsvEcosystem ecosystem : values()) {
      if (ecosystem.osvName.equals(name)) {
        return Optional.of(ecosystem);
      }
    }
    return Optional.empty();
  }
}
