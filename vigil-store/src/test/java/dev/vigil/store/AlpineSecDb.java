package dev.vigil.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Vulnerabilities from the recorded Alpine secdb feeds, shaped as claircore's alpine updater. */
final class AlpineSecDb {
  private AlpineSecDb() {}

  /** The Alpine release with {@code VERSION_ID} {@code versionId}, e.g. {@code 3.10}. */
  static Distribution release(String versionId) {
    return new Distribution(
        "", "alpine", "Alpine Linux", "", "", versionId, "", "", "Alpine Linux v" + versionId);
  }

  /**
   * Every (package, fixed version, CVE) statement of {@code feeds/alpine-secdb/v<id>/main.json}.
   */
  static List<Vulnerability> main(String versionId) {
    JsonNode feed;
    try {
      feed =
          new ObjectMapper()
              .readTree(
                  Fixtures.fixture("feeds/alpine-secdb/v" + versionId + "/main.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Vulnerability> vulns = new ArrayList<>();
    for (JsonNode entry : feed.get("packages")) {
      String name = entry.get("pkg").get("name").asText();
      for (Map.Entry<String, JsonNode> fix : entry.get("pkg").get("secfixes").properties()) {
        for (JsonNode cve : fix.getValue()) {
          vulns.add(vuln(cve.asText(), name, fix.getKey(), versionId));
        }
      }
    }
    return vulns;
  }

  /** One secdb statement: {@code name} is fixed by {@code fixed} on the release. */
  static Vulnerability vuln(String cve, String name, String fixed, String versionId) {
    return new Vulnerability(
        "",
        "alpine",
        cve,
        "",
        null,
        "https://security.alpinelinux.org/vuln/" + cve,
        "",
        Severity.Unknown,
        Package.source(name, ""),
        release(versionId),
        null,
        fixed,
        "");
  }
}
