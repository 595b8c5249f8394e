package dev.vigil.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a source said about a file's version, for the next conditional fetch: the HTTP {@code ETag}
 * and {@code Last-Modified} headers, or for a {@code file:} mirror a tag made of the file's size
 * and modification time.
 *
 * @param etag the entity tag, or null
 * @param lastModified the last-modified date as the source wrote it, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Validators(
    @JsonProperty("etag") String etag, @JsonProperty("last_modified") String lastModified) {

  /** No validators: the fetch is unconditional. */
  public static final Validators NONE = new Validators(null, null);
}
