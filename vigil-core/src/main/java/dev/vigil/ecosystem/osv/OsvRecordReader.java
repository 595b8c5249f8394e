package dev.vigil.ecosystem.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.VersionScheme;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an OSV record (schema 1.x, JSON or YAML as a tree) into vulnerabilities for one ecosystem:
 * one per interval of each {@code ECOSYSTEM} or {@code SEMVER} range (see {@link AffectedRange}),
 * and one per entry of {@code versions} that no range of the same package covers. {@code GIT}
 * ranges are ignored, withdrawn records give nothing.
 *
 * <p>Severity: the CVSS v3 vector's base score where the record has one, else the GitHub advisory
 * database's {@code database_specific.severity}. Links: the osv.dev page of the record and of each
 * alias, so a CVE id can be found from a finding.
 */
final class OsvRecordReader {
  /** The osv.dev page of a vulnerability id. */
  static final String OSV_PAGE = "https://osv.dev/vulnerability/";

  private static final int MAX_DESCRIPTION = 1_000;

  private final OsvEcosystem ecosystem;
  private final VersionScheme scheme;
  private final Repository repository;

  OsvRecordReader(OsvEcosystem ecosystem) {
    this.ecosystem = ecosystem;
    this.scheme = OsvVersions.of(ecosystem);
    this.repository = ecosystem.repository();
  }

  /**
   * The record's statements about this reader's ecosystem; empty for a withdrawn record.
   *
   * @param where names the record in errors, e.g. {@code PyPI/all.zip: PYSEC-2023-62.yaml}
   * @throws ScanException when the record lacks an id or its parts have the wrong shape
   */
  Optional<OsvRecord> read(JsonNode record, String where) throws ScanException {
    if (record == null || !record.isObject()) {
      throw malformed(where, "not an object");
    }
    String id = text(record, "id");
    if (id.isEmpty()) {
      throw malformed(where, "no id");
    }
    if (!text(record, "withdrawn").isEmpty()) {
      return Optional.empty();
    }
    List<String> aliases = new ArrayList<>();
    for (JsonNode alias : array(record, "aliases", where)) {
      aliases.add(alias.asText());
    }
    Vulnerability template = template(record, id, aliases);
    List<Vulnerability> statements = new ArrayList<>();
    for (JsonNode affected : array(record, "affected", where)) {
      JsonNode pkg = affected.path("package");
      if (ecosystem.osvName().equals(text(pkg, "ecosystem"))) {
        String name = text(pkg, "name");
        if (name.isEmpty()) {
          throw malformed(where, "an affected package has no name");
        }
        for (AffectedStatement s : statements(affected, where)) {
          statements.add(statement(template, name, s));
        }
      }
    }
    return Optional.of(new OsvRecord(id, List.copyOf(aliases), List.copyOf(statements)));
  }

  /** One affected interval and the fix that ends it, if any. */
  private record AffectedStatement(AffectedRange range, String fixed) {}

  private List<AffectedStatement> statements(JsonNode affected, String where) throws ScanException {
    List<AffectedStatement> out = new ArrayList<>();
    for (JsonNode range : array(affected, "ranges", where)) {
      String type = text(range, "type");
      if (type.equals("ECOSYSTEM") || type.equals("SEMVER")) {
        out.addAll(intervals(array(range, "events", where)));
      }
    }
    List<AffectedStatement> listed = new ArrayList<>();
    for (JsonNode version : array(affected, "versions", where)) {
      String v = version.asText();
      if (!v.isEmpty() && out.stream().noneMatch(s -> s.range().contains(v, scheme))) {
        listed.add(new AffectedStatement(AffectedRange.ALL.and("=", v), ""));
      }
    }
    out.addAll(listed);
    return out;
  }

  /**
   * The intervals of one range, its events ordered by the ecosystem's scheme when it can read them
   * all (else in the record's order), as OSV's evaluation walks them: an {@code introduced} opens
   * an interval, {@code fixed} or {@code last_affected} closes it, and a {@code limit} bounds every
   * interval from above.
   */
  private List<AffectedStatement> intervals(List<JsonNode> events) {
    List<JsonNode> sorted = new ArrayList<>(events);
    if (events.stream().map(OsvRecordReader::eventVersion).allMatch(this::orderable)) {
      sorted.sort((a, b) -> compareEventVersions(eventVersion(a), eventVersion(b)));
    }
    List<AffectedStatement> out = new ArrayList<>();
    AffectedRange open = null;
    String limit = null;
    for (JsonNode event : sorted) {
      if (event.has("introduced")) {
        String v = event.get("introduced").asText();
        if (open == null) {
          open = v.equals("0") ? AffectedRange.ALL : AffectedRange.ALL.and(">=", v);
        }
      } else if (event.has("fixed") && open != null) {
        String v = event.get("fixed").asText();
        out.add(new AffectedStatement(open.and("<", v), v));
        open = null;
      } else if (event.has("last_affected") && open != null) {
        out.add(new AffectedStatement(open.and("<=", event.get("last_affected").asText()), ""));
        open = null;
      } else if (event.has("limit")) {
        String v = event.get("limit").asText();
        limit = limit == null || compareEventVersions(v, limit) > 0 ? v : limit;
      }
    }
    if (open != null) {
      out.add(new AffectedStatement(open, ""));
    }
    if (limit == null || limit.equals("*")) {
      return out;
    }
    String bound = limit;
    return out.stream()
        .map(s -> new AffectedStatement(s.range().and("<", bound), s.fixed()))
        .toList();
  }

  private boolean orderable(String version) {
    return version.equals("0") || version.equals("*") || scheme.isValid(version);
  }

  /** Orders event versions: {@code 0} first, {@code *} (an unbounded limit) last. */
  private int compareEventVersions(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.equals("0") || b.equals("*")) {
      return -1;
    }
    if (b.equals("0") || a.equals("*")) {
      return 1;
    }
    return scheme.compare(a, b);
  }

  private static String eventVersion(JsonNode event) {
    for (String key : List.of("introduced", "fixed", "last_affected", "limit")) {
      if (event.has(key)) {
        return event.get(key).asText();
      }
    }
    return "0";
  }

  private Vulnerability statement(Vulnerability t, String name, AffectedStatement s) {
    return new Vulnerability(
        "",
        t.updater(),
        t.name(),
        t.description(),
        t.issued(),
        t.links(),
        t.severity(),
        t.normalizedSeverity(),
        new Package("", name, s.range().toString(), Package.BINARY, null, "", "", "", ""),
        null,
        repository,
        s.fixed(),
        "");
  }

  /** The parts every statement of the record shares. */
  private static Vulnerability template(JsonNode record, String id, List<String> aliases) {
    String description = text(record, "summary");
    if (description.isEmpty()) {
      description = text(record, "details");
      if (description.length() > MAX_DESCRIPTION) {
        description = description.substring(0, MAX_DESCRIPTION) + "…";
      }
    }
    Set<String> links = new LinkedHashSet<>();
    links.add(OSV_PAGE + id);
    aliases.forEach(alias -> links.add(OSV_PAGE + alias));
    String vector = cvssV3Vector(record);
    String ghsaSeverity = text(record.path("database_specific"), "severity");
    Severity normalized =
        CvssV3.baseScore(vector).map(CvssV3::rating).orElseGet(() -> githubSeverity(ghsaSeverity));
    return new Vulnerability(
        "",
        OsvUpdater.NAME,
        id,
        description,
        instant(text(record, "published")),
        String.join(" ", links),
        vector.isEmpty() ? ghsaSeverity : vector,
        normalized,
        null,
        null,
        null,
        "",
        "");
  }

  private static String cvssV3Vector(JsonNode record) {
    for (JsonNode severity : record.path("severity")) {
      if (text(severity, "type").equals("CVSS_V3")) {
        return text(severity, "score");
      }
    }
    return "";
  }

  /** GitHub's advisory severities: LOW, MODERATE, HIGH, CRITICAL. */
  private static Severity githubSeverity(String text) {
    return text.toUpperCase(Locale.ROOT).equals("MODERATE")
        ? Severity.Medium
        : Severity.parse(text);
  }

  private static Instant instant(String text) {
    try {
      return text.isEmpty() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
  }

  private static List<JsonNode> array(JsonNode node, String field, String where)
      throws ScanException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw malformed(where, "\"" + field + "\" is not a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  private static ScanException malformed(String where, String problem) {
    return new ScanException("osv: " + where + ": not an OSV record: " + problem);
  }
}
