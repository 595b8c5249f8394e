package dev.vigil.store;

import java.util.Collections;

/** Small helpers for building SQL text. */
final class Sql {
  private Sql() {}

  /** {@code count} comma-separated {@code ?} placeholders, for an {@code IN (...)} list. */
  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
