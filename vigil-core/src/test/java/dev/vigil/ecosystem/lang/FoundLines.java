package dev.vigil.ecosystem.lang;

import dev.vigil.spi.FoundPackage;
import java.util.List;

/** Renders found language packages as {@code name@version packageDb} lines for exact asserts. */
public final class FoundLines {
  private FoundLines() {}

  /**
   * One line per package, {@code name@version packageDb}; fails unless each names {@code
   * ecosystem}'s repository.
   */
  public static List<String> lines(List<FoundPackage> found, OsvEcosystem ecosystem) {
    for (FoundPackage f : found) {
      if (!ecosystem.repository().equals(f.repository())) {
        throw new AssertionError(f + " is not in " + ecosystem);
      }
    }
    return found.stream()
        .map(f -> f.pkg().name() + "@" + f.pkg().version() + " " + f.packageDb())
        .toList();
  }
}
