package dev.vigil.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * What indexing found in one manifest: Clair v4's {@code IndexReport}.
 *
 * <p>Maps are keyed by document-local identifiers; {@code environments} is keyed by package id.
 *
 * @param manifestHash the manifest's digest
 * @param state the index state, {@code IndexFinished} or {@code IndexError}
 * @param packages packages by id
 * @param distributions distributions by id
 * @param repository repositories by id (Clair spells the field in the singular)
 * @param environments where each package was found, by package id
 * @param success whether indexing succeeded
 * @param err the error message when it did not
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IndexReport(
    Digest manifestHash,
    String state,
    Map<String, Package> packages,
    Map<String, Distribution> distributions,
    Map<String, Repository> repository,
    Map<String, List<Environment>> environments,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean success,
    String err) {

  /** State of a report whose indexing finished. */
  public static final String FINISHED = "IndexFinished";

  /** State of a report whose indexing failed. */
  public static final String ERROR = "IndexError";

  /** Copies the maps, keeping their order. */
  public IndexReport {
    packages = ordered(packages);
    distributions = ordered(distributions);
    repository = ordered(repository);
    environments = ordered(environments);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
  }
}
