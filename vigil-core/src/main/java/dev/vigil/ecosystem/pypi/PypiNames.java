package dev.vigil.ecosystem.pypi;

import java.util.Locale;
import java.util.regex.Pattern;

/** Python project names compared as PEP 503 says: case-insensitively, {@code -_.} runs alike. */
public final class PypiNames {
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  private PypiNames() {}

  /** The PEP 503 normalized form of a project name, e.g. {@code zope-interface}. */
  public static String normalize(String name) {
    return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }
}
