package dev.vigil.ecosystem.apk;

import dev.vigil.ecosystem.apk.ApkTokenizer.Token;
import dev.vigil.spi.VersionScheme;

/**
 * apk's version ordering, following apk-tools' {@code version.c}.
 *
 * <p>Versions are compared token by token: the first number and every {@code -rN} revision and
 * suffix number by value; later dot-separated numbers by value too, unless either starts with
 * {@code 0}, in which case they compare as text (so {@code 1.02 < 1.1}); letters and commit hashes
 * as text; suffixes by rank ({@code _alpha < _beta < _pre < _rc <} no suffix {@code < _cvs < _svn <
 * _git < _hg < _p}). When one version runs out first, it is older, unless the other continues with
 * a pre-release suffix ({@code 1.0_rc1 < 1.0 < 1.0_p1 < 1.0-r0}). Invalid versions still order
 * totally: comparison stops at the first invalid token, which ranks below everything, and two
 * versions invalid at the same point are equal, as in apk. Numbers of any length compare exactly.
 *
 * <p>Stateless and thread-safe.
 */
public final class ApkVersion implements VersionScheme {

  /** The shared instance. */
  public static final ApkVersion INSTANCE = new ApkVersion();

  @Override
  public String name() {
    return "apk";
  }

  @Override
  public boolean isValid(String version) {
    if (version == null) {
      return false;
    }
    ApkTokenizer t = new ApkTokenizer(version);
    while (t.token().compareTo(Token.END) < 0) {
      t.next();
    }
    return t.token() == Token.END;
  }

  /** Compares two versions; null sorts before every version. */
  @Override
  public int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    ApkTokenizer ta = new ApkTokenizer(a);
    ApkTokenizer tb = new ApkTokenizer(b);
    while (ta.token() == tb.token() && ta.token().compareTo(Token.END) < 0) {
      int c = compareTokens(ta, tb);
      if (c != 0) {
        return c;
      }
      ta.next();
      tb.next();
    }
    return compareTails(ta, tb);
  }

  /** Orders two versions whose common tokens are equal by how each one continues. */
  private static int compareTails(ApkTokenizer ta, ApkTokenizer tb) {
    if (ta.token() == tb.token()) {
      return 0;
    }
    if (ta.token() == Token.SUFFIX && ta.suffix() < ApkTokenizer.SUFFIX_NONE) {
      return -1;
    }
    if (tb.token() == Token.SUFFIX && tb.suffix() < ApkTokenizer.SUFFIX_NONE) {
      return 1;
    }
    return Integer.signum(tb.token().compareTo(ta.token()));
  }

  private static int compareTokens(ApkTokenizer ta, ApkTokenizer tb) {
    String a = ta.value();
    String b = tb.value();
    return switch (ta.token()) {
      case DIGIT ->
          a.charAt(0) == '0' || b.charAt(0) == '0'
              ? Integer.signum(a.compareTo(b))
              : compareNumbers(a, b);
      case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO -> compareNumbers(a, b);
      case SUFFIX -> Integer.compare(ta.suffix(), tb.suffix());
      default -> Integer.signum(a.compareTo(b));
    };
  }

  /** Compares two digit strings by numeric value, whatever their length. */
  private static int compareNumbers(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length()
        ? Integer.compare(x.length(), y.length())
        : Integer.signum(x.compareTo(y));
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
