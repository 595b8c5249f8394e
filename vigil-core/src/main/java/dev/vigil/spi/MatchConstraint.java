package dev.vigil.spi;

/**
 * A field that must be equal between an {@link IndexRecord} and a stored vulnerability for the
 * store to return the vulnerability as a candidate.
 */
public enum MatchConstraint {
  /** The vulnerability's package name equals the record's package name. */
  PACKAGE_NAME,
  /** The vulnerability's package name equals the record's source package name. */
  PACKAGE_SOURCE_NAME,
  /** The distributions' os-release {@code ID}s are equal. */
  DISTRIBUTION_DID,
  /** The distributions' {@code VERSION_ID}s are equal. */
  DISTRIBUTION_VERSION_ID,
  /** The distributions' {@code VERSION_CODENAME}s are equal. */
  DISTRIBUTION_VERSION_CODE_NAME,
  /** The distributions' {@code PRETTY_NAME}s are equal. */
  DISTRIBUTION_PRETTY_NAME,
  /** The repositories' names are equal. */
  REPOSITORY_NAME
}
