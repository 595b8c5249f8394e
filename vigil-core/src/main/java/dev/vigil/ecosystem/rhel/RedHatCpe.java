package dev.vigil.ecosystem.rhel;

import java.util.Arrays;
import java.util.Locale;

/**
 * A CPE 2.2 URI as Red Hat writes it ({@code cpe:/o:redhat:enterprise_linux:9::baseos}), compared
 * as claircore compares the CPE of a feed statement with the CPE of a repository: every component
 * the statement names must equal the repository's (ignoring case); a component the statement leaves
 * empty matches anything, and one ending in {@code *} matches by prefix.
 */
final class RedHatCpe {
  private static final int COMPONENTS = 7;

  private RedHatCpe() {}

  /** True when {@code statement} (a feed's CPE) covers {@code repository} (an image's CPE). */
  static boolean covers(String statement, String repository) {
    String[] wanted = components(statement);
    String[] have = components(repository);
    if (wanted == null || have == null) {
      return false;
    }
    for (int i = 0; i < COMPONENTS; i++) {
      String w = wanted[i];
      if (w.isEmpty() || w.equals("*")) {
        continue;
      }
      boolean equal =
          w.endsWith("*") ? have[i].startsWith(w.substring(0, w.length() - 1)) : w.equals(have[i]);
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  /** The seven components of a {@code cpe:/} URI, lower-cased; null when it is not one. */
  private static String[] components(String cpe) {
    if (cpe == null || !cpe.regionMatches(true, 0, "cpe:/", 0, 5)) {
      return null;
    }
    String[] parts = cpe.substring(5).toLowerCase(Locale.ROOT).split(":", -1);
    if (parts.length > COMPONENTS) {
      return null;
    }
    String[] out = Arrays.copyOf(parts, COMPONENTS);
    Arrays.setAll(out, i -> out[i] == null ? "" : out[i]);
    return out;
  }
}
