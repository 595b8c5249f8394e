package dev.vigil.ecosystem.dpkg;

import dev.vigil.spi.VersionScheme;
import java.util.Optional;

/**
 * dpkg's version ordering, as Debian policy (section 5.6.12) states it and dpkg's {@code verrevcmp}
 * implements it.
 *
 * <p>A version is {@code [epoch:]upstream[-revision]}: the epoch is the number before the first
 * colon, the revision what follows the last hyphen. Epochs compare as numbers; upstream parts, then
 * revisions, compare by alternating runs of non-digits (character by character, where {@code ~}
 * sorts before everything, even the end of the string, letters before other characters) and runs of
 * digits (by numeric value, any length). {@code 1.0~rc1 < 1.0 < 1.0+b1 < 1.0-1}.
 *
 * <p>{@link #compare} orders any strings, even ones dpkg rejects: the epoch falls back to 0 when it
 * is not a number. {@link #problem} says what dpkg would reject.
 *
 * <p>Stateless and thread-safe.
 */
public final class DpkgVersion implements VersionScheme {

  /** The shared instance. */
  public static final DpkgVersion INSTANCE = new DpkgVersion();

  private static final String UPSTREAM_EXTRA = ".-+~:";
  private static final String REVISION_EXTRA = ".+~";

  private DpkgVersion() {}

  @Override
  public String name() {
    return "dpkg";
  }

  /**
   * True when dpkg accepts {@code version} without an error or a warning: it has a numeric epoch if
   * any, an upstream part starting with a digit and made of alphanumerics and {@code .+-~:}, and a
   * revision made of alphanumerics and {@code .+~}.
   */
  @Override
  public boolean isValid(String version) {
    return version != null && problem(version, true).isEmpty();
  }

  /**
   * What makes dpkg reject {@code version} outright (it has spaces inside, an empty or non-numeric
   * epoch, an empty upstream part or an empty revision), in dpkg's words; empty when dpkg accepts
   * it, possibly with a warning.
   */
  public static Optional<String> problem(String version) {
    return problem(version, false);
  }

  private static Optional<String> problem(String version, boolean strict) {
    String v = version.strip();
    if (v.isEmpty()) {
      return Optional.of("version string is empty");
    }
    if (v.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("version string has embedded spaces");
    }
    int colon = v.indexOf(':');
    if (colon >= 0) {
      Optional<String> epoch = epochProblem(v.substring(0, colon));
      if (epoch.isPresent()) {
        return epoch;
      }
      if (colon == v.length() - 1) {
        return Optional.of("nothing after colon in version number");
      }
    }
    String rest = v.substring(colon + 1);
    int hyphen = rest.lastIndexOf('-');
    String upstream = hyphen >= 0 ? rest.substring(0, hyphen) : rest;
    String revision = hyphen >= 0 ? rest.substring(hyphen + 1) : "";
    if (hyphen >= 0 && revision.isEmpty()) {
      return Optional.of("revision number is empty");
    }
    if (upstream.isEmpty()) {
      return Optional.of("version number is empty");
    }
    if (!strict) {
      return Optional.empty();
    }
    if (!isDigit(upstream.charAt(0))) {
      return Optional.of("version number does not start with digit");
    }
    if (!onlyAllowed(upstream, UPSTREAM_EXTRA)) {
      return Optional.of("invalid character in version number");
    }
    if (!onlyAllowed(revision, REVISION_EXTRA)) {
      return Optional.of("invalid character in revision number");
    }
    return Optional.empty();
  }

  private static Optional<String> epochProblem(String epoch) {
    String body = epoch.startsWith("+") || epoch.startsWith("-") ? epoch.substring(1) : epoch;
    int digits = digitsEnd(body, 0);
    if (digits == 0) {
      return Optional.of("epoch in version is empty");
    }
    if (digits != body.length()) {
      return Optional.of("epoch in version is not number");
    }
    if (epoch.startsWith("-") && skipZeros(body, 0) < body.length()) {
      return Optional.of("epoch in version is negative");
    }
    if (epochValue(epoch) > Integer.MAX_VALUE) {
      return Optional.of("epoch in version is too big");
    }
    return Optional.empty();
  }

  /** Compares two versions; null sorts before every version. */
  @Override
  public int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    Parts x = Parts.of(a);
    Parts y = Parts.of(b);
    int c = Long.compare(x.epoch, y.epoch);
    if (c != 0) {
      return c;
    }
    c = verrevcmp(x.upstream, y.upstream);
    return c != 0 ? c : verrevcmp(x.revision, y.revision);
  }

  /** The three parts of a version, split the way dpkg splits them. */
  private record Parts(long epoch, String upstream, String revision) {
    static Parts of(String version) {
      String v = version.strip();
      long epoch = 0;
      int colon = v.indexOf(':');
      if (colon >= 0) {
        epoch =
            epochProblem(v.substring(0, colon)).isEmpty() ? epochValue(v.substring(0, colon)) : 0;
        v = v.substring(colon + 1);
      }
      int hyphen = v.lastIndexOf('-');
      return hyphen >= 0
          ? new Parts(epoch, v.substring(0, hyphen), v.substring(hyphen + 1))
          : new Parts(epoch, v, "");
    }
  }

  /** Compares upstream parts or revisions as dpkg's {@code verrevcmp} does. */
  static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !isDigit(a.charAt(i)))
          || (j < b.length() && !isDigit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return Integer.signum(ac - bc);
        }
        i++;
        j++;
      }
      int startA = skipZeros(a, i);
      int startB = skipZeros(b, j);
      i = digitsEnd(a, startA);
      j = digitsEnd(b, startB);
      int lengths = Integer.compare(i - startA, j - startB);
      if (lengths != 0) {
        return lengths;
      }
      int digits = a.substring(startA, i).compareTo(b.substring(startB, j));
      if (digits != 0) {
        return Integer.signum(digits);
      }
    }
    return 0;
  }

  /** dpkg's weight of the character at {@code i}: the end and digits weigh 0, {@code ~} -1. */
  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (isDigit(c)) {
      return 0;
    }
    if (isAlpha(c)) {
      return c;
    }
    return c == '~' ? -1 : c + 256;
  }

  private static int skipZeros(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == '0') {
      i++;
    }
    return i;
  }

  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static long epochValue(String epoch) {
    String digits = epoch.startsWith("+") || epoch.startsWith("-") ? epoch.substring(1) : epoch;
    String significant = digits.substring(skipZeros(digits, 0));
    return significant.length() > 10 ? Long.MAX_VALUE : Long.parseLong("0" + significant);
  }

  private static boolean onlyAllowed(String s, String extra) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && !isAlpha(c) && extra.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
