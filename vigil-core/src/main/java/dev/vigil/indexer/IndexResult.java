package dev.vigil.indexer;

import dev.vigil.model.IndexReport;
import java.util.List;

/**
 * An index report and the warnings met while building it (unsafe tar entries, skipped database
 * stanzas…).
 *
 * @param report the Clair v4 index report
 * @param warnings one line each, naming the component
 */
public record IndexResult(IndexReport report, List<String> warnings) {

  /** Copies the warnings. */
  public IndexResult {
    warnings = List.copyOf(warnings);
  }
}
