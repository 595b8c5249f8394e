package dev.vigil.server.matcher;

import dev.vigil.datastore.VulnerabilityStore;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

  /**
   * The difference between two operations of {@code store}: vulnerabilities are the same when their
   * store ids are.
   *
   * @param prev the earlier operation, or null to diff against nothing
   * @return empty when either operation is unknown
   */
  public static Optional<UpdateDiff> between(VulnerabilityStore store, UUID prev, UUID cur) {
    Optional<UpdateOperation> current = store.updateOperation(cur);
    Optional<UpdateOperation> previous =
        prev == null ? Optional.empty() : store.updateOperation(prev);
    if (current.isEmpty() || (prev != null && previous.isEmpty())) {
      return Optional.empty();
    }
    List<Vulnerability> now = store.vulnerabilities(cur);
    List<Vulnerability> before = prev == null ? List.of() : store.vulnerabilities(prev);
    Set<String> nowIds = now.stream().map(Vulnerability::id).collect(Collectors.toSet());
    Set<String> beforeIds = before.stream().map(Vulnerability::id).collect(Collectors.toSet());
    return Optional.of(
        new UpdateDiff(
            previous.orElse(null),
            current.get(),
            now.stream().filter(v -> !beforeIds.contains(v.id())).toList(),
            before.stream().filter(v -> !nowIds.contains(v.id())).toList()));
  }
}
