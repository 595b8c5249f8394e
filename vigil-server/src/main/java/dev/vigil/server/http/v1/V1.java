package dev.vigil.server.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The wire types of Clair's legacy v1 API (Clair 2's {@code api/v1/models.go}): PascalCase JSON
 * with empty fields left out.
 */
final class V1 {
  private V1() {}

  /** The body of layer requests and responses. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record LayerEnvelope(Layer layer, Error error) {}

  /** A layer, with the features of its chain when asked for. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Layer(
      String name,
      String namespaceName,
      String path,
      Map<String, String> headers,
      String parentName,
      String format,
      int indexedByVersion,
      List<Feature> features) {}

  /** An installed package. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Feature(
      String name,
      String namespaceName,
      String versionFormat,
      String version,
      List<Vulnerability> vulnerabilities,
      String addedBy) {}

  /** A vulnerability affecting a feature. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Vulnerability(
      String name,
      String namespaceName,
      String description,
      String link,
      String severity,
      String fixedBy) {}

  /** An error message. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  record Error(String message) {}

  /** The body of error responses. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  record ErrorEnvelope(Error error) {}

  /** A namespace. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  record Namespace(String name) {}

  /** The body of the namespaces response. */
  @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
  record NamespacesEnvelope(List<Namespace> namespaces) {}
}
