package dev.vigil.sbom;

import dev.vigil.model.IndexReport;
import java.util.List;

/**
 * A software bill of materials read as if its image had been indexed.
 *
 * @param name the document's subject, e.g. the image it describes, else the file name
 * @param report the index report built from its operating-system packages
 * @param warnings one line each, starting with {@code sbom:}
 */
public record Sbom(String name, IndexReport report, List<String> warnings) {

  /** Copies the warnings. */
  public Sbom {
    warnings = List.copyOf(warnings);
  }
}
