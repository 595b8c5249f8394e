package dev.vigil.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An operating system release, with the fields of os-release(5): Clair v4's {@code Distribution}.
 *
 * @param id document-local identifier; empty until a report assigns one
 * @param did the os-release {@code ID}, e.g. {@code alpine}, {@code debian}
 * @param name the os-release {@code NAME}
 * @param version the os-release {@code VERSION}
 * @param versionCodeName the os-release {@code VERSION_CODENAME}
 * @param versionId the os-release {@code VERSION_ID}
 * @param arch the architecture, if known
 * @param cpe the CPE 2.3 name, if known
 * @param prettyName the os-release {@code PRETTY_NAME}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Distribution(
    String id,
    String did,
    String name,
    String version,
    String versionCodeName,
    String versionId,
    String arch,
    String cpe,
    String prettyName) {

  /** The same distribution with a document-local identifier. */
  public Distribution withId(String newId) {
    return new Distribution(
        newId, did, name, version, versionCodeName, versionId, arch, cpe, prettyName);
  }
}
