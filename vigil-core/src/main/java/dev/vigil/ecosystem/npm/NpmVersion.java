package dev.vigil.ecosystem.npm;

import dev.vigil.ecosystem.semver.SemVer;
import dev.vigil.spi.VersionScheme;
import java.util.Optional;

/**
 * npm's version ordering: Semantic Versioning 2.0.0 precedence ({@link SemVer}), reading versions
 * as node-semver's {@code semver.valid} does (surrounding white space, a leading {@code v} or
 * {@code =} are dropped). Invalid versions sort before valid ones, by their text among themselves.
 *
 * <p>Stateless and thread-safe.
 */
public final class NpmVersion implements VersionScheme {

  /** The shared instance. */
  public static final NpmVersion INSTANCE = new NpmVersion();

  @Override
  public String name() {
    return "npm";
  }

  @Override
  public boolean isValid(String version) {
    return parse(version).isPresent();
  }

  @Override
  public int compare(String a, String b) {
    Optional<SemVer> x = parse(a);
    Optional<SemVer> y = parse(b);
    if (x.isPresent() && y.isPresent()) {
      return x.get().compareTo(y.get());
    }
    if (x.isPresent() != y.isPresent()) {
      return x.isPresent() ? 1 : -1;
    }
    return a == null || b == null ? Boolean.compare(a != null, b != null) : a.compareTo(b);
  }

  /** The version as node-semver reads it, if it is one. */
  public static Optional<SemVer> parse(String version) {
    if (version == null) {
      return Optional.empty();
    }
    String v = version.strip();
    while (!v.isEmpty() && (v.charAt(0) == 'v' || v.charAt(0) == '=')) {
      v = v.substring(1).strip();
    }
    return SemVer.parse(v);
  }
}
