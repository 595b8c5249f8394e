package dev.vigil.ecosystem.rhel;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.vigil.model.Json;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Red Hat CSAF VEX document (one CVE) into vulnerabilities, as claircore's {@code
 * rhel/vex} does: every product id of the {@code fixed} and {@code known_affected} lists is walked
 * through the product tree's relationships to a component (its package URL gives the rpm name, the
 * fixed {@code [epoch:]version-release} and the module from {@code rpmmod}) and a product (its CPE
 * becomes the vulnerability's repository). {@code known_not_affected} products are never stored, so
 * never reported; {@code under_investigation} ones neither, as in claircore, which reads only the
 * two lists above. Source rpms ({@code arch=src}), kernel packages (a container does not choose its
 * kernel) and non-rpm components are skipped. The architectures of one fix are merged into one
 * vulnerability whose {@code arch} lists them with the {@code pattern match} operation. Severity is
 * the product's {@code impact} threat, else the document's aggregate severity.
 */
final class VexParser {
  /** The repository key of the CPE a statement applies to. */
  static final String CPE_KEY = "rhel-cpe";

  /** The architecture operation of merged architectures. */
  static final String PATTERN_MATCH = "pattern match";

  private static final Logger LOG = LoggerFactory.getLogger(VexParser.class);
  private static final List<String> STATUSES = List.of("fixed", "known_affected");

  private final String updater;

  /** A parser whose vulnerabilities name {@code updater}. */
  VexParser(String updater) {
    this.updater = updater;
  }

  /**
   * The vulnerabilities {@code file} states; none for a document whose status is {@code deleted}.
   *
   * @throws ScanException when the file is not a CSAF VEX document
   */
  List<Vulnerability> parse(Path file) throws IOException {
    String where = "rhel: " + file.getFileName();
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new ScanException(where + ": not JSON: " + e.getMessage(), e);
    }
    JsonNode document = root == null ? null : root.get("document");
    String id = document == null ? "" : document.path("tracking").path("id").asText("");
    if (id.isEmpty() || !root.path("vulnerabilities").isArray()) {
      throw new ScanException(
          where + ": not a CSAF VEX document (no document.tracking.id or vulnerabilities)");
    }
    if ("deleted".equals(document.path("tracking").path("status").asText())) {
      return List.of();
    }
    Document doc = new Document(root, where);
    String aggregate = document.path("aggregate_severity").path("text").asText("");
    List<Vulnerability> out = new ArrayList<>();
    for (JsonNode v : root.get("vulnerabilities")) {
      out.addAll(statements(doc, v, id, aggregate));
    }
    return out;
  }

  private List<Vulnerability> statements(Document doc, JsonNode v, String id, String aggregate)
      throws ScanException {
    JsonNode status = v.path("product_status");
    if (!status.isObject() && !status.isMissingNode()) {
      throw new ScanException(doc.where + ": product_status is not an object");
    }
    String name = v.path("cve").asText(id);
    Map<String, String> impact = impacts(v);
    Map<List<String>, Statement> merged = new LinkedHashMap<>();
    for (String which : STATUSES) {
      for (JsonNode productId : status.path(which)) {
        Statement s = doc.statement(productId.asText(), which.equals("fixed"));
        if (s == null) {
          continue;
        }
        List<String> key = List.of(which, s.cpe, s.module, s.name, s.fixedIn);
        Statement target = merged.computeIfAbsent(key, k -> s);
        target.arches.add(s.arch);
        target.severity =
            firstNonEmpty(target.severity, impact.getOrDefault(productId.asText(), ""));
      }
    }
    String description = "";
    for (JsonNode note : v.path("notes")) {
      if ("description".equals(note.path("category").asText())) {
        description = note.path("text").asText("");
      }
    }
    List<String> links = new ArrayList<>();
    v.path("references").forEach(r -> links.add(r.path("url").asText()));
    links.add(doc.selfLink);
    links.removeIf(String::isEmpty);
    Instant issued = instant(v.path("release_date").asText(""));
    List<Vulnerability> out = new ArrayList<>();
    for (Statement s : merged.values()) {
      s.arches.remove("");
      String arch = String.join("|", s.arches);
      String severity = firstNonEmpty(s.severity, aggregate);
      out.add(
          new Vulnerability(
              "",
              updater,
              name,
              description,
              issued,
              String.join(" ", links),
              severity,
              normalize(severity),
              new Package("", s.name, "", Package.BINARY, null, "", s.module, arch, ""),
              null,
              new Repository("", s.cpe, CPE_KEY, "", s.cpe),
              s.fixedIn,
              arch.isEmpty() ? "" : PATTERN_MATCH));
    }
    return out;
  }

  /** The {@code impact} threat of each product id. */
  private static Map<String, String> impacts(JsonNode v) {
    Map<String, String> impact = new HashMap<>();
    for (JsonNode threat : v.path("threats")) {
      if ("impact".equals(threat.path("category").asText())) {
        String details = threat.path("details").asText("");
        threat.path("product_ids").forEach(p -> impact.putIfAbsent(p.asText(), details));
      }
    }
    return impact;
  }

  /** Red Hat's impact ratings on Clair's scale. */
  static Severity normalize(String redHat) {
    return switch (redHat.toLowerCase(Locale.ROOT)) {
      case "low" -> Severity.Low;
      case "moderate" -> Severity.Medium;
      case "important" -> Severity.High;
      case "critical" -> Severity.Critical;
      default -> Severity.Unknown;
    };
  }

  private static String firstNonEmpty(String a, String b) {
    return a == null || a.isEmpty() ? b : a;
  }

  private static Instant instant(String text) {
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** One product status entry, resolved. */
  private static final class Statement {
    final String cpe;
    final String name;
    final String module;
    final String fixedIn;
    final String arch;
    final TreeSet<String> arches = new TreeSet<>();
    String severity = "";

    Statement(String cpe, String name, String module, String fixedIn, String arch) {
      this.cpe = cpe;
      this.name = name;
      this.module = module;
      this.fixedIn = fixedIn;
      this.arch = arch;
    }
  }

  /** A document's product tree: identification helpers by product id, and relationships. */
  private static final class Document {
    final String where;
    final String selfLink;
    final Map<String, JsonNode> helpers = new HashMap<>();
    final Map<String, String[]> relationships = new HashMap<>();

    Document(JsonNode root, String where) throws ScanException {
      this.where = where;
      String self = "";
      for (JsonNode r : root.path("document").path("references")) {
        if ("self".equals(r.path("category").asText())) {
          self = r.path("url").asText("");
        }
      }
      this.selfLink = self;
      JsonNode tree = root.path("product_tree");
      if (!tree.isObject() && !tree.isMissingNode()) {
        throw new ScanException(where + ": product_tree is not an object");
      }
      collect(tree.path("branches"));
      for (JsonNode r : tree.path("relationships")) {
        relationships.put(
            r.path("full_product_name").path("product_id").asText(),
            new String[] {
              r.path("product_reference").asText(), r.path("relates_to_product_reference").asText()
            });
      }
    }

    private void collect(JsonNode branches) {
      for (JsonNode branch : branches) {
        JsonNode product = branch.path("product");
        if (product.has("product_id")) {
          helpers.put(
              product.get("product_id").asText(), product.path("product_identification_helper"));
        }
        collect(branch.path("branches"));
      }
    }

    /** The statement a product id makes, or null when it names no rpm of a CPE product. */
    Statement statement(String productId, boolean fixed) {
      String[] rel = relationships.get(productId);
      if (rel == null) {
        return null;
      }
      String cpe = helpers.getOrDefault(rel[1], Json.mapper().missingNode()).path("cpe").asText("");
      String purl =
          helpers.getOrDefault(rel[0], Json.mapper().missingNode()).path("purl").asText("");
      if (cpe.isEmpty() || !purl.startsWith("pkg:rpm/")) {
        return null;
      }
      PackageURL p;
      try {
        p = new PackageURL(purl);
      } catch (MalformedPackageURLException e) {
        LOG.atWarn()
            .setMessage("rhel: skipped a malformed package URL")
            .addKeyValue("file", where)
            .addKeyValue("purl", purl)
            .log();
        return null;
      }
      Map<String, String> q = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
      String arch = q.getOrDefault("arch", "");
      if (!"redhat".equals(p.getNamespace())
          || p.getName().startsWith("kernel")
          || arch.equals("src")) {
        return null;
      }
      String module = module(q.getOrDefault("rpmmod", null));
      if (module == null) {
        LOG.atWarn()
            .setMessage("rhel: skipped an invalid rpmmod")
            .addKeyValue("file", where)
            .addKeyValue("purl", purl)
            .log();
        return null;
      }
      String fixedIn = "";
      if (fixed) {
        if (p.getVersion() == null || p.getVersion().isEmpty()) {
          return null;
        }
        String epoch = q.getOrDefault("epoch", "0");
        fixedIn = (epoch.equals("0") ? "" : epoch + ":") + p.getVersion();
      }
      return new Statement(cpe, p.getName(), module, fixedIn, arch);
    }

    /** {@code name:stream} of an {@code rpmmod} qualifier; empty without one, null if invalid. */
    private static String module(String rpmmod) {
      if (rpmmod == null) {
        return "";
      }
      String[] parts = rpmmod.split(":", -1);
      return parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
          ? parts[0] + ":" + parts[1]
          : null;
    }
  }
}
