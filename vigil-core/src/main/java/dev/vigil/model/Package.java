package dev.vigil.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A package found in an image or named by a vulnerability: Clair v4's {@code Package}.
 *
 * @param id document-local identifier; empty until an index report assigns one
 * @param name the package name as the packaging system spells it
 * @param version the version as the packaging system reports it
 * @param kind {@code BINARY} or {@code SOURCE}
 * @param source the source package that produced this binary package, if known
 * @param normalizedVersion an order-preserving form of the version, if the scheme has one
 * @param module an intra-repository grouping (rpm modules), usually empty
 * @param arch the package's architecture, usually empty for source packages
 * @param cpe a CPE 2.3 name, if known
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Package(
    String id,
    String name,
    String version,
    String kind,
    Package source,
    String normalizedVersion,
    String module,
    String arch,
    String cpe) {

  /** Kind of a package that is installed. */
  public static final String BINARY = "BINARY";

  /** Kind of a package that binary packages are built from. */
  public static final String SOURCE = "SOURCE";

  /** A binary package with its source package (which may be null). */
  public static Package binary(String name, String version, String arch, Package source) {
    return new Package("", name, version, BINARY, source, "", "", arch, "");
  }

  /** A source package. */
  public static Package source(String name, String version) {
    return new Package("", name, version, SOURCE, null, "", "", "", "");
  }

  /** The same package with a document-local identifier. */
  public Package withId(String newId) {
    return new Package(newId, name, version, kind, source, normalizedVersion, module, arch, cpe);
  }

  /** The source package's name, or this package's own name when no source is known. */
  public String sourceName() {
    return source != null && source.name() != null && !source.name().isEmpty()
        ? source.name()
        : name;
  }
}
