package dev.vigil.spi;

import dev.vigil.model.Vulnerability;
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
}
