package dev.vigil.ecosystem.maven;

import dev.vigil.spi.VersionScheme;
import java.util.Comparator;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven's version ordering, as Maven itself decides it: {@link ComparableVersion} from {@code
 * maven-artifact} (qualifiers {@code alpha < beta < milestone < rc < snapshot < "" < sp}, numbers
 * numerically, trailing zeros and separators normalized).
 *
 * <p>Stateless and thread-safe.
 */
public final class MavenVersion implements VersionScheme {

  /** The shared instance. */
  public static final MavenVersion INSTANCE = new MavenVersion();

  private static final Comparator<String> ORDER =
      Comparator.nullsFirst(Comparator.comparing(ComparableVersion::new));

  @Override
  public String name() {
    return "maven";
  }

  /**
   * True for a non-empty version without white space or {@code ,[]()}: Maven orders any string, but
   * those characters belong to version ranges.
   */
  @Override
  public boolean isValid(String version) {
    return version != null && !version.isEmpty() && version.chars().noneMatch(MavenVersion::bad);
  }

  @Override
  public int compare(String a, String b) {
    return ORDER.compare(a, b);
  }

  private static boolean bad(int c) {
    return Character.isWhitespace(c) || ",[]()".indexOf(c) >= 0;
  }
}
