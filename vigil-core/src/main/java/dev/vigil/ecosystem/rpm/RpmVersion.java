package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.VersionScheme;
import java.util.regex.Pattern;

/**
 * rpm's version ordering: {@code [epoch:]version[-release]} strings compared as rpm's {@code
 * rpmverCmp} does. The epoch (missing or empty: {@code 0}), then the version, then the release are
 * compared with {@link #rpmvercmp}; a missing release sorts before any release, as in rpm 4.16 and
 * later. Parsing follows rpm's {@code parseEVR}: the epoch is the run of digits before a {@code :}
 * at the very start, the release is what follows the last {@code -}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RpmVersion implements VersionScheme {

  /** The shared instance. */
  public static final RpmVersion INSTANCE = new RpmVersion();

  private static final Pattern VALID =
      Pattern.compile("(?:[0-9]+:)?[A-Za-z0-9._+~^]+(?:-[A-Za-z0-9._+~^]+)?");

  /**
   * The three parts of an EVR string.
   *
   * @param epoch the epoch digits, {@code "0"} when absent or empty
   * @param version the version
   * @param release the release, or null when there is no {@code -}
   */
  public record Evr(String epoch, String version, String release) {

    /** Splits {@code evr} as rpm's {@code parseEVR} does. */
    public static Evr parse(String evr) {
      int s = 0;
      while (s < evr.length() && isDigit(evr.charAt(s))) {
        s++;
      }
      int dash = evr.lastIndexOf('-');
      String release = dash >= s ? evr.substring(dash + 1) : null;
      int end = dash >= s ? dash : evr.length();
      if (s < evr.length() && evr.charAt(s) == ':') {
        String epoch = s == 0 ? "0" : evr.substring(0, s);
        return new Evr(epoch, evr.substring(s + 1, Math.max(end, s + 1)), release);
      }
      return new Evr("0", evr.substring(0, end), release);
    }
  }

  @Override
  public String name() {
    return "rpm";
  }

  /**
   * True for {@code [epoch:]version[-release]} with a numeric epoch and a version and release made
   * of the characters rpm allows in them (letters, digits, {@code . _ + ~ ^}).
   */
  @Override
  public boolean isValid(String version) {
    return version != null && VALID.matcher(version).matches();
  }

  /** Compares two EVR strings; null sorts before every version. */
  @Override
  public int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    Evr x = Evr.parse(a);
    Evr y = Evr.parse(b);
    int c = rpmvercmp(x.epoch(), y.epoch());
    if (c == 0) {
      c = rpmvercmp(x.version(), y.version());
    }
    if (c == 0) {
      c = compareReleases(x.release(), y.release());
    }
    return c;
  }

  private static int compareReleases(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return rpmvercmp(a, b);
  }

  /**
   * rpm's segment comparison of two version (or release) strings, as {@code rpmvercmp}: runs of
   * ASCII digits compare as numbers, runs of ASCII letters as text, a digit run is newer than a
   * letter run; every other character separates segments, except {@code ~}, which sorts before
   * anything (even the end), and {@code ^}, which sorts after the end but before anything else.
   *
   * @return -1, 0 or 1
   */
  public static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      i = skipSeparators(a, i);
      j = skipSeparators(b, j);
      char ca = at(a, i);
      char cb = at(b, j);
      if (ca == '~' || cb == '~') {
        if (ca != '~') {
          return 1;
        }
        if (cb != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == '^' || cb == '^') {
        if (i >= a.length()) {
          return -1;
        }
        if (j >= b.length()) {
          return 1;
        }
        if (ca != '^') {
          return 1;
        }
        if (cb != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (i >= a.length() || j >= b.length()) {
        break;
      }
      boolean numeric = isDigit(ca);
      int endA = segmentEnd(a, i, numeric);
      int endB = segmentEnd(b, j, numeric);
      if (endB == j) {
        return numeric ? 1 : -1;
      }
      int c =
          numeric
              ? compareNumbers(a.substring(i, endA), b.substring(j, endB))
              : Integer.signum(a.substring(i, endA).compareTo(b.substring(j, endB)));
      if (c != 0) {
        return c;
      }
      i = endA;
      j = endB;
    }
    if (i >= a.length() && j >= b.length()) {
      return 0;
    }
    return i >= a.length() ? -1 : 1;
  }

  private static int compareNumbers(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    if (x.length() != y.length()) {
      return x.length() > y.length() ? 1 : -1;
    }
    return Integer.signum(x.compareTo(y));
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }

  private static int skipSeparators(String s, int from) {
    int k = from;
    while (k < s.length() && !isAlnum(s.charAt(k)) && s.charAt(k) != '~' && s.charAt(k) != '^') {
      k++;
    }
    return k;
  }

  private static int segmentEnd(String s, int from, boolean numeric) {
    int k = from;
    while (k < s.length() && (numeric ? isDigit(s.charAt(k)) : isAlpha(s.charAt(k)))) {
      k++;
    }
    return k;
  }

  private static char at(String s, int k) {
    return k < s.length() ? s.charAt(k) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
  }
}
