package dev.vigil.ecosystem.golang;

import dev.vigil.ecosystem.semver.SemVer;
import dev.vigil.spi.VersionScheme;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's version ordering for modules and for the Go toolchain (the {@code stdlib} package).
 *
 * <p>Module versions are read as {@code golang.org/x/mod/semver} reads them: a {@code v} prefix,
 * Semantic Versioning 2.0.0 precedence, the shorthands {@code v1} and {@code v1.2} for {@code
 * v1.0.0} and {@code v1.2.0}; pseudo-versions ({@code v0.0.0-20220906165146-f3363e06e74c}) are
 * pre-releases and order by time; {@code +incompatible} is build metadata and not compared. The
 * {@code v} may be missing, as OSV's {@code SEMVER} ranges write versions without it.
 *
 * <p>Toolchain versions ({@code go1.22.1}, {@code 1.22}, {@code 1.22rc1}, {@code 1.9beta2}) become
 * semantic versions as the Go vulnerability database converts them: {@code 1.22} is {@code 1.22.0},
 * {@code 1.22rc1} is {@code 1.22.0-rc.1}. Invalid versions sort before valid ones and equal to each
 * other, as in {@code x/mod/semver}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoVersion implements VersionScheme {

  /** The shared instance. */
  public static final GoVersion INSTANCE = new GoVersion();

  private static final Pattern TOOLCHAIN =
      Pattern.compile(
          "(?:go)?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:\\.(0|[1-9][0-9]*))?"
              + "(?:-?(alpha|beta|rc|pre)(0|[1-9][0-9]*))?");
  private static final Pattern SHORTHAND = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?");
  private static final Comparator<Optional<SemVer>> ORDER =
      Comparator.comparing((Optional<SemVer> v) -> v.isPresent())
          .thenComparing(v -> v.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

  @Override
  public String name() {
    return "go";
  }

  @Override
  public boolean isValid(String version) {
    return parse(version).isPresent();
  }

  @Override
  public int compare(String a, String b) {
    return ORDER.compare(parse(a), parse(b));
  }

  /** The semantic version a module or toolchain version stands for, if it is one. */
  public static Optional<SemVer> parse(String version) {
    if (version == null || version.isEmpty()) {
      return Optional.empty();
    }
    Matcher toolchain = TOOLCHAIN.matcher(version);
    if (toolchain.matches()) {
      String patch = toolchain.group(3) == null ? "0" : toolchain.group(3);
      String pre =
          toolchain.group(4) == null ? "" : "-" + toolchain.group(4) + "." + toolchain.group(5);
      return SemVer.parse(toolchain.group(1) + "." + toolchain.group(2) + "." + patch + pre);
    }
    String v = version.charAt(0) == 'v' ? version.substring(1) : version;
    Matcher shorthand = SHORTHAND.matcher(v);
    if (shorthand.matches()) {
      String minor = shorthand.group(3) == null ? "0" : shorthand.group(3);
      return SemVer.parse(shorthand.group(1) + "." + minor + ".0");
    }
    return SemVer.parse(v);
  }
}
