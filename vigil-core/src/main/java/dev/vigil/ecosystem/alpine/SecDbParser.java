package dev.vigil.ecosystem.alpine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Distribution;
import dev.vigil.model.Json;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one Alpine secdb file ({@code {"distroversion":"v3.10","reponame":"main","urlprefix":…,
 * "packages":[{"pkg":{"name":…,"secfixes":{"1.1.1g-r0":["CVE-2020-1967"]}}}]}}) into one
 * vulnerability per package, fixed version and advisory id. The fixed version {@code 0} means "not
 * affected" and is skipped. An entry may hold several ids separated by spaces; a parenthesized
 * remark ends it, and words that are not ids (no digit, or odd characters, as in {@code
 * CVE-????-?????}) are left out. A file named {@code *.yaml} is read as YAML: the form of the
 * alpine-secdb repository until 2020, with the same keys.
 */
final class SecDbParser {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final Pattern ADVISORY_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
  private static final String NOT_AFFECTED = "0";
  private static final String CVE_LINK = "https://security.alpinelinux.org/vuln/";

  private final String updater;

  SecDbParser(String updater) {
    this.updater = updater;
  }

  /**
   * Parses one file.
   *
   * @throws ScanException when the file is not JSON (YAML for {@code *.yaml}) or not a secdb
   *     document
   */
  List<Vulnerability> parse(Path file) throws IOException {
    boolean yaml = isYaml(file);
    String format = yaml ? "not YAML: " : "not JSON: ";
    JsonNode root;
    try {
      root = (yaml ? Json.yamlMapper() : MAPPER).readTree(file.toFile());
    } catch (JsonProcessingException | CharConversionException e) {
      throw new ScanException("alpine: " + file + ": " + format + Json.failure(e), e);
    }
    if (root == null || !root.isObject()) {
      throw invalid(file, "not a JSON object");
    }
    String branch = text(file, root, "distroversion");
    if (!branch.equals(AlpineRelease.EDGE) && !branch.matches("v\\d+\\.\\d+")) {
      throw invalid(file, "unexpected distroversion '" + branch + "'");
    }
    String repo = text(file, root, "reponame");
    Distribution distribution = AlpineRelease.forBranch(branch);
    Repository repository =
        new Repository("", repo, "", text(file, root, "urlprefix") + "/" + branch + "/" + repo, "");
    JsonNode packages = root.get("packages");
    if (packages == null || !packages.isArray()) {
      throw invalid(file, "'packages' is not an array");
    }
    List<Vulnerability> out = new ArrayList<>();
    for (JsonNode entry : packages) {
      JsonNode pkg = entry.get("pkg");
      if (pkg == null || !pkg.isObject()) {
        throw invalid(file, "a package entry has no 'pkg' object");
      }
      Package source = Package.source(text(file, pkg, "name"), "");
      for (Map.Entry<String, JsonNode> fix : secfixes(file, pkg)) {
        if (!fix.getKey().equals(NOT_AFFECTED)) {
          for (String id : ids(file, fix.getValue())) {
            out.add(vulnerability(id, source, distribution, repository, fix.getKey()));
          }
        }
      }
    }
    return out;
  }

  /** Whether {@code file} holds the YAML form. */
  static boolean isYaml(Path file) {
    return file.getFileName().toString().endsWith(".yaml");
  }

  private Vulnerability vulnerability(
      String id, Package source, Distribution distribution, Repository repository, String fixed) {
    String links = id.startsWith("CVE-") ? CVE_LINK + id : "";
    return new Vulnerability(
        "",
        updater,
        id,
        "",
        null,
        links,
        "",
        Severity.Unknown,
        source,
        distribution,
        repository,
        fixed,
        "");
  }

  private static Set<Map.Entry<String, JsonNode>> secfixes(Path file, JsonNode pkg)
      throws ScanException {
    JsonNode secfixes = pkg.get("secfixes");
    if (secfixes == null || secfixes.isNull()) {
      return Set.of();
    }
    if (!secfixes.isObject()) {
      throw invalid(file, "'secfixes' of " + pkg.get("name") + " is not an object");
    }
    return secfixes.properties();
  }

  private static List<String> ids(Path file, JsonNode list) throws ScanException {
    if (list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw invalid(file, "a secfixes entry is not a list");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        throw invalid(file, "a secfixes item is not a string: " + item);
      }
      for (String word : item.asText().trim().split("\\s+")) {
        if (word.startsWith("(")) {
          break;
        }
        if (ADVISORY_ID.matcher(word).matches() && word.chars().anyMatch(Character::isDigit)) {
          ids.add(word);
        }
      }
    }
    return ids;
  }

  private static String text(Path file, JsonNode node, String field) throws ScanException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw invalid(file, "'" + field + "' is missing or not a string");
    }
    return value.asText();
  }

  private static ScanException invalid(Path file, String why) {
    return new ScanException("alpine: " + file + ": " + why);
  }
}
