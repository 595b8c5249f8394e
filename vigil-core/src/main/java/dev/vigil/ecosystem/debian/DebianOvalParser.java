package dev.vigil.ecosystem.debian;

import dev.vigil.ecosystem.dpkg.DpkgOvalFix;
import dev.vigil.ecosystem.oval.OvalDocument;
import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one release's Debian OVAL document into vulnerabilities. Debian publishes a definition per
 * CVE and source package ({@code CVE-2023-0049 vim}: "Debian 10 is installed" and "vim DPKG is
 * earlier than V"), and a few per DSA naming several CVEs; each CVE a definition references becomes
 * one vulnerability of the source package, fixed in V, or not fixed when V is {@code 0}. A CVE that
 * both a DSA and its own definition state with the same fix keeps its own definition's text. The
 * feed carries no urgency, so severities are Unknown.
 */
final class DebianOvalParser {
  private static final String TRACKER = "https://security-tracker.debian.org/tracker/";

  private final String updater;

  DebianOvalParser(String updater) {
    this.updater = updater;
  }

  /** Reads the vulnerabilities of {@code document}, the OVAL of release {@code codename}. */
  OvalUpdater.Parsed parse(OvalDocument document, String codename) {
    Map<List<String>, Vulnerability> found = new LinkedHashMap<>();
    int skipped = 0;
    for (OvalDocument.Definition definition : document.definitions()) {
      DpkgOvalFix.Fixes fixes = DpkgOvalFix.of(document, definition);
      skipped += fixes.skipped();
      for (DpkgOvalFix.Fix fix : fixes.fixes()) {
        for (String name : names(definition)) {
          List<String> key = List.of(name, fix.pkg(), fix.fixedVersion());
          if (!found.containsKey(key) || definition.title().startsWith(name + " ")) {
            found.put(key, vulnerability(definition, name, fix, codename));
          }
        }
      }
    }
    return new OvalUpdater.Parsed(List.copyOf(found.values()), skipped);
  }

  private Vulnerability vulnerability(
      OvalDocument.Definition definition, String name, DpkgOvalFix.Fix fix, String codename) {
    return new Vulnerability(
        "",
        updater,
        name,
        definition.description(),
        null,
        TRACKER + name,
        "",
        Severity.Unknown,
        Package.source(fix.pkg(), ""),
        DebianRelease.forRelease(codename),
        null,
        fix.fixedVersion(),
        "");
  }

  /** The CVEs a definition references, else the first word of its title (e.g. a DSA id). */
  private static List<String> names(OvalDocument.Definition definition) {
    List<String> cves = new ArrayList<>();
    for (OvalDocument.Reference reference : definition.references()) {
      if (reference.source().equals("CVE") && !reference.refId().isEmpty()) {
        cves.add(reference.refId());
      }
    }
    if (!cves.isEmpty()) {
      return cves;
    }
    String title = definition.title().strip();
    return title.isEmpty() ? List.of() : List.of(title.split("\\s+", 2)[0]);
  }
}
