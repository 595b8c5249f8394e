package dev.vigil.ecosystem.rubygems;

import dev.vigil.spi.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems' version ordering, as {@code Gem::Version#<=>}: a {@code -} reads as {@code .pre.}, the
 * version splits into runs of digits and runs of letters, trailing zero segments are dropped (both
 * at the end of the numeric part and of the whole, {@code canonical_segments}), then segments
 * compare one by one, a missing one as {@code 0}: numbers numerically, strings by their bytes, a
 * string before a number. An empty version is {@code 0}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GemVersion implements VersionScheme {

  /** The shared instance. */
  public static final GemVersion INSTANCE = new GemVersion();

  private static final Pattern VALID =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)?\\s*");
  private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

  @Override
  public String name() {
    return "rubygems";
  }

  @Override
  public boolean isValid(String version) {
    return version != null && VALID.matcher(version).matches();
  }

  @Override
  public int compare(String a, String b) {
    List<Object> x = canonicalSegments(a);
    List<Object> y = canonicalSegments(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      Object l = i < x.size() ? x.get(i) : BigInteger.ZERO;
      Object r = i < y.size() ? y.get(i) : BigInteger.ZERO;
      if (l.equals(r)) {
        continue;
      }
      if (l instanceof String ls && r instanceof String rs) {
        return Integer.signum(ls.compareTo(rs));
      }
      if (l instanceof BigInteger ln && r instanceof BigInteger rn) {
        return ln.compareTo(rn);
      }
      return l instanceof String ? -1 : 1;
    }
    return 0;
  }

  /** The segments without the trailing zeros of the numeric part and of the string part. */
  private static List<Object> canonicalSegments(String version) {
    String v = version == null ? "" : version.strip().replace("-", ".pre.");
    List<Object> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(v.isEmpty() ? "0" : v);
    while (m.find()) {
      String s = m.group();
      segments.add(Character.isDigit(s.charAt(0)) ? new BigInteger(s) : s);
    }
    int stringStart = 0;
    while (stringStart < segments.size() && !(segments.get(stringStart) instanceof String)) {
      stringStart++;
    }
    List<Object> canonical = dropTrailingZeros(segments.subList(0, stringStart));
    canonical.addAll(dropTrailingZeros(segments.subList(stringStart, segments.size())));
    return canonical;
  }

  private static List<Object> dropTrailingZeros(List<Object> segments) {
    int end = segments.size();
    while (end > 0 && BigInteger.ZERO.equals(segments.get(end - 1))) {
      end--;
    }
    return new ArrayList<>(segments.subList(0, end));
  }
}
