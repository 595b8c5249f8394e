package dev.vigil.spi;

import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;

/**
 * One package of an index report with the distribution and repository it was found in: what a
 * {@link Matcher} judges.
 *
 * @param pkg the package, with its document-local id
 * @param distribution its distribution, or null
 * @param repository its repository, or null
 */
public record IndexRecord(Package pkg, Distribution distribution, Repository repository) {

  /**
   * True for an installed (binary) package; the kind is compared without case, as Clair writes
   * {@code binary} where Vigil writes {@code BINARY}.
   */
  public boolean isBinaryPackage() {
    return pkg != null && Package.BINARY.equalsIgnoreCase(pkg.kind());
  }
}
