package dev.vigil.cli.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.PackageURL;
import dev.vigil.model.Json;
import dev.vigil.purl.PackageUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenVEX documents (v0.2.0, and v0.0.x whose vulnerabilities and products may be plain strings).
 * Products are matched by package URL ({@code @id} or {@code identifiers.purl}); a product's {@code
 * subcomponents} name the packages inside it. When several statements speak of the same finding,
 * the latest (by timestamp, then by position) decides: {@code not_affected} and {@code fixed}
 * suppress it, {@code affected} and {@code under_investigation} keep it.
 *
 * @param statements every statement, in reading order
 */
public record VexDocument(List<VexStatement> statements) {
  private static final Set<String> STATUSES =
      Set.of("not_affected", "affected", "fixed", "under_investigation");

  /** Copies the statements. */
  public VexDocument {
    statements = List.copyOf(statements);
  }

  /**
   * Reads OpenVEX documents, in order.
   *
   * @throws IOException when a file cannot be read or is not OpenVEX; the message starts with
   *     {@code vex:}
   */
  public static VexDocument read(List<Path> files) throws IOException {
    List<VexStatement> statements = new ArrayList<>();
    for (Path file : files) {
      readInto(file, statements);
    }
    return new VexDocument(statements);
  }

  /** The statement that decides {@code finding}'s fate, if any speaks of it. */
  public Optional<VexStatement> deciding(Finding finding) {
    return statements.stream()
        .filter(s -> s.appliesTo(finding))
        .max(
            Comparator.comparing(
                    VexStatement::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(VexStatement::order));
  }

  private static void readInto(Path file, List<VexStatement> statements) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("vex: no such file: " + file);
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException("vex: " + file + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("@context").asText().startsWith("https://openvex.dev/ns")) {
      throw new IOException("vex: " + file + " is not an OpenVEX document (no openvex @context)");
    }
    Instant documentTime = time(root.path("timestamp").asText(), file);
    for (JsonNode s : root.path("statements")) {
      String status = s.path("status").asText();
      if (!STATUSES.contains(status)) {
        throw new IOException("vex: " + file + ": unknown status '" + status + "'");
      }
      Instant time = time(s.path("timestamp").asText(), file);
      List<PackageURL> subcomponents = new ArrayList<>();
      List<PackageURL> products = new ArrayList<>();
      for (JsonNode product : s.path("products")) {
        purl(product, file).ifPresent(products::add);
        for (JsonNode component : product.path("subcomponents")) {
          purl(component, file).ifPresent(subcomponents::add);
        }
      }
      statements.add(
          new VexStatement(
              names(s.path("vulnerability")),
              products,
              subcomponents,
              status,
              s.path("justification").asText(),
              s.path("impact_statement").asText(),
              time != null ? time : documentTime,
              statements.size()));
    }
  }

  private static Set<String> names(JsonNode vulnerability) {
    Set<String> names = new HashSet<>();
    if (vulnerability.isTextual()) {
      names.add(vulnerability.asText());
    }
    if (vulnerability.hasNonNull("name")) {
      names.add(vulnerability.get("name").asText());
    }
    vulnerability.path("aliases").forEach(a -> names.add(a.asText()));
    return names;
  }

  /**
   * The package URL a component names by {@code @id} or {@code identifiers.purl}, if any.
   *
   * @throws IOException when it names a malformed one
   */
  private static Optional<PackageURL> purl(JsonNode component, Path file) throws IOException {
    String id = component.isTextual() ? component.asText() : component.path("@id").asText();
    String text = id.startsWith("pkg:") ? id : component.path("identifiers").path("purl").asText();
    if (!text.startsWith("pkg:")) {
      return Optional.empty();
    }
    try {
      return Optional.of(PackageUrls.parsePurl(text));
    } catch (IllegalArgumentException e) {
      throw new IOException("vex: " + file + ": " + e.getMessage(), e);
    }
  }

  private static Instant time(String text, Path file) throws IOException {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IOException("vex: " + file + ": timestamp '" + text + "' is not RFC 3339", e);
    }
  }
}
