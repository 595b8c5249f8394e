package dev.vigil.spi;

import dev.vigil.model.Package;

/**
 * A package a scanner found, with the database it was read from.
 *
 * @param pkg the package, without an id
 * @param packageDb the path of the package database, e.g. {@code lib/apk/db/installed}
 */
public record FoundPackage(Package pkg, String packageDb) {}
