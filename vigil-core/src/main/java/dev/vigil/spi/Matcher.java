package dev.vigil.spi;

import dev.vigil.model.Vulnerability;
import java.util.List;
import java.util.Set;

/**
 * Decides which stored vulnerabilities affect which packages, in three steps as in claircore:
 * {@link #filter} picks the records this matcher understands, {@link #query} tells the store which
 * fields must match, and {@link #vulnerable} judges each candidate with the ecosystem's exact
 * version ordering.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface Matcher {

  /** A short, stable name, e.g. {@code alpine}. */
  String name();

  /** The names of the updaters whose vulnerabilities this matcher judges. */
  Set<String> updaters();

  /** True for records this matcher is responsible for. */
  boolean filter(IndexRecord record);

  /** The fields a candidate vulnerability must share with a record. */
  Set<MatchConstraint> query();

  /** True when the candidate {@code vulnerability} affects the record's package. */
  boolean vulnerable(IndexRecord record, Vulnerability vulnerability);

  /**
   * The store lookups whose candidates {@link #affecting} judges together: by default the one
   * {@link #query}. A matcher that reads rows its updater stored beside the vulnerabilities (e.g. a
   * map from a record's repository to the CPEs it stands for) adds a lookup that finds them.
   */
  default List<Set<MatchConstraint>> queries() {
    return List.of(query());
  }

  /**
   * The candidates, from every lookup of {@link #queries}, that affect the record's package: by
   * default those {@link #vulnerable} accepts.
   */
  default List<Vulnerability> affecting(IndexRecord record, List<Vulnerability> candidates) {
    return candidates.stream().filter(v -> vulnerable(record, v)).toList();
  }
}
