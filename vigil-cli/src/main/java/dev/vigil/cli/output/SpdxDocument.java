package dev.vigil.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The subset of SPDX 2.3 JSON that Vigil writes: a document describing an image, its operating
 * system and its packages.
 *
 * @param spdxId always {@code SPDXRef-DOCUMENT}
 * @param spdxVersion always {@code SPDX-2.3}
 * @param dataLicense always {@code CC0-1.0}
 * @param name the document's name: the scanned image
 * @param documentNamespace a unique URI for this document
 * @param creationInfo who made it and when
 * @param packages the image, its operating system and its packages
 * @param relationships what describes and contains what
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record SpdxDocument(
    @JsonProperty("SPDXID") String spdxId,
    String spdxVersion,
    String dataLicense,
    String name,
    String documentNamespace,
    CreationInfo creationInfo,
    List<SpdxPackage> packages,
    List<Relationship> relationships) {

  /**
   * When and by what the document was made.
   *
   * @param created RFC 3339 time, to the second
   * @param creators e.g. {@code Tool: vigil-0.1.0}
   */
  record CreationInfo(String created, List<String> creators) {}

  /**
   * An SPDX package.
   *
   * @param spdxId {@code SPDXRef-…}
   * @param name the name
   * @param versionInfo the version
   * @param downloadLocation always {@code NOASSERTION}
   * @param filesAnalyzed always false
   * @param primaryPackagePurpose {@code CONTAINER}, {@code OPERATING_SYSTEM} or {@code LIBRARY}
   * @param description free text, e.g. the distribution's pretty name
   * @param sourceInfo {@code built package from: SOURCE VERSION}, when the source differs
   * @param checksums the image's manifest digest
   * @param externalRefs the package URL and security advisories
   * @param annotations {@code KEY: VALUE} notes: the layer and package database
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record SpdxPackage(
      @JsonProperty("SPDXID") String spdxId,
      String name,
      String versionInfo,
      String downloadLocation,
      @JsonInclude(JsonInclude.Include.ALWAYS) boolean filesAnalyzed,
      String primaryPackagePurpose,
      String description,
      String sourceInfo,
      List<Checksum> checksums,
      List<ExternalRef> externalRefs,
      List<Annotation> annotations) {}

  /**
   * A checksum.
   *
   * @param algorithm e.g. {@code SHA256}
   * @param checksumValue lower-case hex
   */
  record Checksum(String algorithm, String checksumValue) {}

  /**
   * An external reference.
   *
   * @param referenceCategory {@code PACKAGE-MANAGER} or {@code SECURITY}
   * @param referenceType {@code purl} or {@code advisory}
   * @param referenceLocator the package URL or advisory URL
   */
  record ExternalRef(String referenceCategory, String referenceType, String referenceLocator) {}

  /**
   * An annotation.
   *
   * @param annotator e.g. {@code Tool: vigil-0.1.0}
   * @param annotationDate RFC 3339 time
   * @param annotationType always {@code OTHER}
   * @param comment the note
   */
  record Annotation(
      String annotator, String annotationDate, String annotationType, String comment) {}

  /**
   * A relationship.
   *
   * @param spdxElementId the subject
   * @param relationshipType e.g. {@code DESCRIBES}, {@code CONTAINS}
   * @param relatedSpdxElement the object
   */
  record Relationship(String spdxElementId, String relationshipType, String relatedSpdxElement) {}
}
