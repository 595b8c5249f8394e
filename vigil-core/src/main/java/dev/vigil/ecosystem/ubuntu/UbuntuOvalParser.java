package dev.vigil.ecosystem.ubuntu;

import dev.vigil.ecosystem.dpkg.DpkgOvalFix;
import dev.vigil.ecosystem.oval.OvalDocument;
import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one release's Canonical OVAL document into vulnerabilities. A USN definition names the
 * binary packages it fixes (through constant variables) with the version that fixes them; each CVE
 * the notice references becomes one vulnerability per binary package, with that CVE's Ubuntu
 * priority as its severity (the notice's severity when the CVE has none), the notice's date as its
 * issue date and links to the CVE and the notice. A notice without CVEs is its own vulnerability.
 * Kernel and livepatch checks, which test the running kernel and not a package, give nothing.
 */
final class UbuntuOvalParser {
  private static final Pattern VERSION = Pattern.compile("Ubuntu (\\d+\\.\\d+)");

  private final String updater;

  UbuntuOvalParser(String updater) {
    this.updater = updater;
  }

  /** Reads the vulnerabilities of {@code document}, the OVAL of release {@code codename}. */
  OvalUpdater.Parsed parse(OvalDocument document, String codename) {
    Distribution distribution = UbuntuRelease.forRelease(codename, version(document, codename));
    Map<List<String>, Vulnerability> found = new LinkedHashMap<>();
    int skipped = 0;
    for (OvalDocument.Definition definition : document.definitions()) {
      if (definition.definitionClass().equals("inventory")) {
        continue;
      }
      DpkgOvalFix.Fixes fixes = DpkgOvalFix.of(document, definition);
      skipped += fixes.skipped();
      for (DpkgOvalFix.Fix fix : fixes.fixes()) {
        for (OvalDocument.Reference id : ids(definition)) {
          found.putIfAbsent(
              List.of(id.refId(), fix.pkg(), fix.fixedVersion()),
              vulnerability(definition, id, fix, distribution));
        }
      }
    }
    return new OvalUpdater.Parsed(List.copyOf(found.values()), skipped);
  }

  private Vulnerability vulnerability(
      OvalDocument.Definition definition,
      OvalDocument.Reference id,
      DpkgOvalFix.Fix fix,
      Distribution distribution) {
    String priority = priority(definition, id.refId());
    return new Vulnerability(
        "",
        updater,
        id.refId(),
        definition.description(),
        issued(definition.issued()),
        links(definition, id),
        priority,
        UbuntuPriority.normalize(priority),
        Package.binary(fix.pkg(), "", "", null),
        distribution,
        null,
        fix.fixedVersion(),
        "");
  }

  /** The CVE references of a definition, else its notice reference, else its title's first word. */
  private static List<OvalDocument.Reference> ids(OvalDocument.Definition definition) {
    List<OvalDocument.Reference> cves = new ArrayList<>();
    OvalDocument.Reference notice = null;
    for (OvalDocument.Reference r : definition.references()) {
      if (r.source().equals("CVE") && !r.refId().isEmpty()) {
        cves.add(r);
      } else if (notice == null && r.source().equals("USN") && !r.refId().isEmpty()) {
        notice = r;
      }
    }
    if (!cves.isEmpty()) {
      return cves;
    }
    if (notice != null) {
      return List.of(notice);
    }
    String title = definition.title().strip();
    return title.isEmpty()
        ? List.of()
        : List.of(new OvalDocument.Reference("", title.split("\\s+", 2)[0], ""));
  }

  /** The CVE's priority as the notice's {@code cve} element states it, else the notice's. */
  private static String priority(OvalDocument.Definition definition, String id) {
    for (OvalDocument.AdvisoryCve cve : definition.cves()) {
      if (cve.id().equals(id)) {
        String priority = cve.attributes().getOrDefault("priority", "");
        return priority.isEmpty() ? cve.attributes().getOrDefault("severity", "") : priority;
      }
    }
    return definition.severity();
  }

  private static String links(OvalDocument.Definition definition, OvalDocument.Reference id) {
    List<String> links = new ArrayList<>();
    if (!id.refUrl().isEmpty()) {
      links.add(id.refUrl());
    }
    definition.references().stream()
        .filter(r -> r.source().equals("USN") && !r.refUrl().isEmpty())
        .map(OvalDocument.Reference::refUrl)
        .filter(url -> !links.contains(url))
        .forEach(links::add);
    return String.join(" ", links);
  }

  private static Instant issued(String date) {
    try {
      return date.isEmpty() ? null : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The release's version: from the table, else from the inventory definition's title. */
  private static String version(OvalDocument document, String codename) {
    return UbuntuRelease.versionOf(codename)
        .orElseGet(
            () ->
                document.definitions().stream()
                    .filter(d -> d.definitionClass().equals("inventory"))
                    .map(d -> VERSION.matcher(d.title()))
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse(""));
  }
}
