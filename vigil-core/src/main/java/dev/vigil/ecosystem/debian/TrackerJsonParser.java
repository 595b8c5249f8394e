package dev.vigil.ecosystem.debian;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.ecosystem.dpkg.DpkgVersion;
import dev.vigil.model.Json;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Debian Security Tracker's JSON ({@code /tracker/data/json}): {@code {source package:
 * {CVE: {description, releases: {codename: {status, fixed_version, urgency}}}}}}, one source
 * package at a time, so that memory follows the largest package and not the whole document.
 *
 * <p>Per release, {@code resolved} with a fixed version gives a vulnerability fixed in it, and
 * {@code fixed_version} {@code 0} means "not affected" (no vulnerability); {@code open} means
 * affected with no fix yet (no fixed version); {@code undetermined} (affectedness not known) gives
 * nothing. Entries that do not have this shape (a {@code releases} list, a resolved release without
 * a fixed version, a version dpkg rejects, an unknown status) are skipped and counted; only a
 * document that is not JSON, or not an object of packages, fails.
 */
final class TrackerJsonParser {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final JsonFactory JSON = MAPPER.getFactory();
  private static final String TRACKER = "https://security-tracker.debian.org/tracker/";
  private static final String NOT_AFFECTED = "0";

  /**
   * What a document held.
   *
   * @param vulnerabilities one per source package, CVE and affected release
   * @param skipped how many entries (packages, CVEs or releases) were malformed and left out
   */
  record Result(List<Vulnerability> vulnerabilities, int skipped) {}

  private final String updater;

  TrackerJsonParser(String updater) {
    this.updater = updater;
  }

  /**
   * Parses a whole document.
   *
   * @param name the document's name, for messages
   * @throws ScanException when it is not JSON or not an object
   */
  Result parse(InputStream in, String name) throws IOException {
    List<Vulnerability> out = new ArrayList<>();
    int skipped = 0;
    try (JsonParser json = JSON.createParser(in)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new ScanException("debian: " + name + ": not a JSON object of source packages");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String source = json.currentName();
        json.nextToken();
        JsonNode cves = MAPPER.readTree(json);
        skipped += cves != null && cves.isObject() ? add(source, cves, out) : 1;
      }
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw new ScanException("debian: " + name + ": trailing data after the packages");
      }
    } catch (JsonProcessingException | CharConversionException e) {
      throw new ScanException("debian: " + name + ": not JSON: " + Json.failure(e), e);
    }
    return new Result(List.copyOf(out), skipped);
  }

  /** Adds the vulnerabilities of one source package; returns how many entries were malformed. */
  private int add(String source, JsonNode cves, List<Vulnerability> out) {
    int skipped = 0;
    for (Map.Entry<String, JsonNode> cve : cves.properties()) {
      JsonNode releases = cve.getValue().path("releases");
      if (!releases.isObject() || cve.getKey().isBlank()) {
        skipped++;
        continue;
      }
      String description = cve.getValue().path("description").asText("");
      for (Map.Entry<String, JsonNode> release : releases.properties()) {
        skipped += addRelease(source, cve.getKey(), description, release, out) ? 0 : 1;
      }
    }
    return skipped;
  }

  /** Adds the release's vulnerability, if it states one; false when the entry is malformed. */
  private boolean addRelease(
      String source,
      String name,
      String description,
      Map.Entry<String, JsonNode> release,
      List<Vulnerability> out) {
    JsonNode data = release.getValue();
    if (!data.isObject() || release.getKey().isBlank()) {
      return false;
    }
    String fixed = data.path("fixed_version").asText("").strip();
    switch (data.path("status").asText("")) {
      case "open" -> fixed = "";
      case "resolved" -> {
        if (fixed.equals(NOT_AFFECTED)) {
          return true;
        }
        if (fixed.isEmpty() || DpkgVersion.problem(fixed).isPresent()) {
          return false;
        }
      }
      case "undetermined" -> {
        return true;
      }
      default -> {
        return false;
      }
    }
    String urgency = data.path("urgency").asText("");
    out.add(
        new Vulnerability(
            "",
            updater,
            name,
            description,
            null,
            TRACKER + name,
            urgency,
            DebianUrgency.normalize(urgency),
            Package.source(source, ""),
            DebianRelease.forRelease(release.getKey()),
            null,
            fixed,
            ""));
    return true;
  }
}
