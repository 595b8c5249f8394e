package dev.vigil.ecosystem.osv;

import dev.vigil.spi.VersionScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions one OSV statement affects, kept as the vulnerability's package version (Clair's
 * {@code Vulnerability.package.version}) so the store needs no range columns: a conjunction of
 * comparisons written {@code >=2.13.0, <2.13.2.1}. {@code >=} comes from an {@code introduced}
 * event (none for {@code 0}), {@code <} from {@code fixed} or {@code limit}, {@code <=} from {@code
 * last_affected}, {@code =} from an entry of the {@code versions} list. The empty range affects
 * every version.
 *
 * @param clauses the comparisons a version must all pass
 */
public record AffectedRange(List<Clause> clauses) {
  private static final String SEPARATOR = ", ";

  /** Every version. */
  public static final AffectedRange ALL = new AffectedRange(List.of());

  /**
   * One comparison with a version of the feed.
   *
   * @param operator {@code >=}, {@code <}, {@code <=} or {@code =}
   * @param version the feed's version
   */
  public record Clause(String operator, String version) {
    private static final List<String> OPERATORS = List.of(">=", "<=", "<", "=");

    /** True when {@code installed} passes this comparison in {@code scheme}. */
    boolean admits(String installed, VersionScheme scheme) {
      if (operator.equals("=") && installed.equals(version)) {
        return true;
      }
      if (!scheme.isValid(installed) || !scheme.isValid(version)) {
        return false;
      }
      int c = scheme.compare(installed, version);
      return switch (operator) {
        case ">=" -> c >= 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        default -> c == 0;
      };
    }

    static Clause parse(String text) {
      for (String op : OPERATORS) {
        if (text.startsWith(op) && text.length() > op.length()) {
          return new Clause(op, text.substring(op.length()));
        }
      }
      throw new IllegalArgumentException("osv: not a version comparison: " + text);
    }

    @Override
    public String toString() {
      return operator + version;
    }
  }

  /** The range a vulnerability's package version states; {@link #ALL} for an empty one. */
  public static AffectedRange parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    List<Clause> clauses = new ArrayList<>();
    for (String part : text.split(SEPARATOR)) {
      clauses.add(Clause.parse(part.strip()));
    }
    return new AffectedRange(List.copyOf(clauses));
  }

  /** The range with one more comparison. */
  AffectedRange and(String operator, String version) {
    List<Clause> more = new ArrayList<>(clauses);
    more.add(new Clause(operator, version));
    return new AffectedRange(List.copyOf(more));
  }

  /**
   * True when {@code installed} is in the range as {@code scheme} orders versions; a version the
   * scheme cannot read is only in an {@code =} range of the same text.
   */
  public boolean contains(String installed, VersionScheme scheme) {
    if (installed == null || installed.isEmpty()) {
      return false;
    }
    if (clauses.isEmpty()) {
      return true;
    }
    return clauses.stream().allMatch(c -> c.admits(installed, scheme));
  }

  /** The text kept as the vulnerability's package version, e.g. {@code >=1.0, <1.2}. */
  @Override
  public String toString() {
    return String.join(SEPARATOR, clauses.stream().map(Clause::toString).toList());
  }
}
