package dev.vigil.server.matcher;

import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import java.util.List;

/**
 * What changed between two update operations.
 *
 * @param prev the earlier operation, or null when the diff starts from nothing
 * @param cur the later operation
 * @param added vulnerabilities in {@code cur} but not in {@code prev}
 * @param removed vulnerabilities in {@code prev} but not in {@code cur}
 */
public record UpdateDiff(
    UpdateOperation prev,
    UpdateOperation cur,
    List<Vulnerability> added,
    List<Vulnerability> removed) {

  /** Copies the lists. */
  public UpdateDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }
}
