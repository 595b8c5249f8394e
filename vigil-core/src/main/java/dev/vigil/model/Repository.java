package dev.vigil.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A package repository, such as an Alpine branch repository or a Maven registry: Clair v4's {@code
 * Repository}.
 *
 * @param id document-local identifier
 * @param name human-relevant name
 * @param key machine-relevant name
 * @param uri where the repository lives
 * @param cpe CPE 2.3 name, if known
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Repository(String id, String name, String key, String uri, String cpe) {

  /** The same repository with a document-local identifier. */
  public Repository withId(String newId) {
    return new Repository(newId, name, key, uri, cpe);
  }
}
