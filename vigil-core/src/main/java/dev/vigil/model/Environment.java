package dev.vigil.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Where a package was found: the package database, the layer that introduced it and its
 * distribution: Clair v4's {@code Environment}.
 *
 * @param packageDb the database file the package was read from, e.g. {@code lib/apk/db/installed}
 * @param introducedIn the digest of the layer that introduced the package
 * @param distributionId the document-local id of the package's distribution, or empty
 * @param repositoryIds the document-local ids of the package's repositories
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Environment(
    String packageDb, Digest introducedIn, String distributionId, List<String> repositoryIds) {

  /** Copies the repository list. */
  public Environment {
    repositoryIds = repositoryIds == null ? List.of() : List.copyOf(repositoryIds);
  }
}
