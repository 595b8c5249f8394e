package dev.vigil.spi;

import java.util.Locale;
import java.util.regex.Pattern;

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
  REPOSITORY_NAME,
  /**
   * The package names are equal once both are {@linkplain #foldName folded}; the matcher judges the
   * exact names (e.g. PyPI compares folded names, Maven exact ones).
   */
  PACKAGE_NAME_FOLDED;

  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  /**
   * A package name in lower case with each run of {@code -}, {@code _} and {@code .} written as one
   * {@code -}: PEP 503's normalization of Python project names, e.g. {@code zope-interface} for
   * {@code Zope.Interface}.
   */
  public static String foldName(String name) {
    return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }
}
