package dev.vigil.spi;

import dev.vigil.model.Package;
import java.util.List;

/** Looks packages up in what a package scanner found. */
public final class FoundPackages {
  private FoundPackages() {}

  /** The first package called {@code name}; fails when there is none. */
  public static Package named(List<FoundPackage> found, String name) {
    return found.stream()
        .map(FoundPackage::pkg)
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no package " + name));
  }
}
