package dev.vigil.ecosystem.pypi;

import dev.vigil.spi.VersionScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's version ordering, PEP 440 as the {@code packaging} library implements it: epoch, release
 * (trailing zeros ignored), pre-release ({@code a < b < rc}, with {@code alpha}, {@code beta},
 * {@code c}, {@code pre}, {@code preview} as spellings), post-release, development release, then
 * the local version label ({@code +ubuntu.1}: numeric parts after alphanumeric ones). A version
 * with only a development part sorts before any pre-release of the same release. Spellings PEP 440
 * normalizes ({@code v1.0}, {@code 1.0-1}, {@code 1.0.RC.1}) are accepted. Invalid versions sort
 * before valid ones, by their text among themselves.
 *
 * <p>Stateless and thread-safe.
 */
public final class Pep440Version implements VersionScheme {

  /** The shared instance. */
  public static final Pep440Version INSTANCE = new Pep440Version();

  private static final Pattern PATTERN =
      Pattern.compile(
          "v?(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)"
              + "([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?"
              + "((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?"
              + "([-_.]?(dev)[-_.]?([0-9]+)?)?"
              + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
          Pattern.CASE_INSENSITIVE);

  /** Absent parts that sort below or above every present one. */
  private static final BigInteger BELOW = BigInteger.valueOf(-1);

  private static final Comparator<Optional<Key>> ORDER =
      Comparator.comparing((Optional<Key> k) -> k.isPresent())
          .thenComparing(k -> k.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

  @Override
  public String name() {
    return "pypi";
  }

  @Override
  public boolean isValid(String version) {
    return Key.of(version).isPresent();
  }

  @Override
  public int compare(String a, String b) {
    int c = ORDER.compare(Key.of(a), Key.of(b));
    if (c != 0 || isValid(a)) {
      return c;
    }
    return a == null || b == null ? Boolean.compare(a != null, b != null) : a.compareTo(b);
  }

  /**
   * A parsed version in comparison form.
   *
   * @param epoch the epoch, 0 when absent
   * @param release the release numbers without trailing zeros
   * @param preRank 0, 1, 2 for a, b, rc; -1 for a bare development release; 3 for none
   * @param pre the pre-release number
   * @param post the post-release number, -1 when absent
   * @param dev the development release number; absent sorts after every present one
   * @param local the local label's parts, null when absent
   */
  private record Key(
      BigInteger epoch,
      List<BigInteger> release,
      int preRank,
      BigInteger pre,
      BigInteger post,
      Optional<BigInteger> dev,
      List<String> local)
      implements Comparable<Key> {

    static Optional<Key> of(String version) {
      if (version == null) {
        return Optional.empty();
      }
      Matcher m = PATTERN.matcher(version.strip());
      if (!m.matches()) {
        return Optional.empty();
      }
      List<BigInteger> release = new ArrayList<>();
      for (String part : m.group(2).split("\\.")) {
        release.add(new BigInteger(part));
      }
      while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
        release.remove(release.size() - 1);
      }
      boolean hasPre = m.group(3) != null;
      boolean hasPost = m.group(6) != null;
      boolean hasDev = m.group(10) != null;
      int preRank = hasPre ? preRank(m.group(4)) : !hasPost && hasDev ? -1 : 3;
      String postNumber = m.group(7) != null ? m.group(7) : m.group(9);
      List<String> local =
          m.group(13) == null ? null : List.of(m.group(13).toLowerCase(Locale.ROOT).split("[-_.]"));
      return Optional.of(
          new Key(
              m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1)),
              release,
              preRank,
              number(m.group(5)),
              hasPost ? number(postNumber) : BELOW,
              hasDev ? Optional.of(number(m.group(12))) : Optional.empty(),
              local));
    }

    private static int preRank(String label) {
      return switch (label.toLowerCase(Locale.ROOT)) {
        case "a", "alpha" -> 0;
        case "b", "beta" -> 1;
        default -> 2;
      };
    }

    private static BigInteger number(String digits) {
      return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    @Override
    public int compareTo(Key o) {
      int c = epoch.compareTo(o.epoch);
      for (int i = 0; c == 0 && i < Math.max(release.size(), o.release.size()); i++) {
        c = at(release, i).compareTo(at(o.release, i));
      }
      if (c == 0) {
        c = Integer.compare(preRank, o.preRank);
      }
      if (c == 0) {
        c = pre.compareTo(o.pre);
      }
      if (c == 0) {
        c = post.compareTo(o.post);
      }
      if (c == 0 && dev.isPresent() != o.dev.isPresent()) {
        c = dev.isPresent() ? -1 : 1;
      }
      if (c == 0 && dev.isPresent()) {
        c = dev.get().compareTo(o.dev.get());
      }
      return c != 0 ? c : compareLocal(local, o.local);
    }

    private static BigInteger at(List<BigInteger> numbers, int i) {
      return i < numbers.size() ? numbers.get(i) : BigInteger.ZERO;
    }

    private static int compareLocal(List<String> a, List<String> b) {
      if (a == null || b == null) {
        return Boolean.compare(a != null, b != null);
      }
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = compareLocalPart(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }

    private static int compareLocalPart(String a, String b) {
      boolean aNumber = a.chars().allMatch(Character::isDigit);
      boolean bNumber = b.chars().allMatch(Character::isDigit);
      if (aNumber && bNumber) {
        return new BigInteger(a).compareTo(new BigInteger(b));
      }
      return aNumber != bNumber ? (aNumber ? 1 : -1) : Integer.signum(a.compareTo(b));
    }
  }
}
