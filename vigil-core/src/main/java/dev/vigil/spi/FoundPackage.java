package dev.vigil.spi;

import dev.vigil.model.Package;
import dev.vigil.model.Repository;

/**
 * A package a scanner found, with the database it was read from.
 *
 * @param pkg the package, without an id
 * @param packageDb the path of the package database, e.g. {@code lib/apk/db/installed}
 * @param repository the repository the package comes from when the scanner knows it (language
 *     packages name their registry, e.g. Maven Central), or null
 */
public record FoundPackage(Package pkg, String packageDb, Repository repository) {

  /** A package whose repository the scanner does not know. */
  public FoundPackage(Package pkg, String packageDb) {
    this(pkg, packageDb, null);
  }
}
