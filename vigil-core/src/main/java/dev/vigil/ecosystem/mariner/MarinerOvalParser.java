package dev.vigil.ecosystem.mariner;

import dev.vigil.ecosystem.oval.OvalDocument;
import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.ecosystem.oval.PackageChecks;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one release's Mariner OVAL document into vulnerabilities. Microsoft publishes a definition
 * per CVE and binary package ({@code CVE-2023-51714 affecting package qt5-qtbase 5.12.11-10}) with
 * one {@code rpminfo_test} whose state is an {@code evr} bound: {@code less than} V means fixed in
 * V; {@code less than or equal} V means no patch yet, every version up to V affected. The latter
 * becomes a vulnerability without fix whose package version holds V, the last affected version.
 * Severities come from the definition's {@code metadata/severity}.
 */
final class MarinerOvalParser {
  private static final String LESS_THAN = "less than";
  private static final String LESS_THAN_OR_EQUAL = "less than or equal";

  private final String updater;

  MarinerOvalParser(String updater) {
    this.updater = updater;
  }

  /** Reads the vulnerabilities of {@code document}, the OVAL of {@code release}. */
  OvalUpdater.Parsed parse(OvalDocument document, String release) {
    Distribution distribution = MarinerOval.distribution(release);
    List<Vulnerability> out = new ArrayList<>();
    int skipped = 0;
    for (OvalDocument.Definition definition : document.definitions()) {
      PackageChecks.Resolution resolution = PackageChecks.of(document, definition);
      skipped += resolution.unresolved();
      for (PackageChecks.Check check : resolution.checks()) {
        OvalDocument.Field evr = check.field("evr");
        if (evr == null
            || check.criterion().negate()
            || !(evr.operation().equals(LESS_THAN) || evr.operation().equals(LESS_THAN_OR_EQUAL))) {
          skipped++;
          continue;
        }
        boolean fixed = evr.operation().equals(LESS_THAN);
        for (String name : check.names()) {
          for (String cve : names(definition)) {
            out.add(vulnerability(definition, cve, name, evr.value(), fixed, distribution));
          }
        }
      }
    }
    return new OvalUpdater.Parsed(List.copyOf(out), skipped);
  }

  private Vulnerability vulnerability(
      OvalDocument.Definition definition,
      String cve,
      String name,
      String bound,
      boolean fixed,
      Distribution distribution) {
    Package pkg = Package.binary(name, fixed ? "" : bound, "", null);
    return new Vulnerability(
        "",
        updater,
        cve,
        definition.description(),
        null,
        links(definition),
        definition.severity(),
        Severity.parse(definition.severity()),
        pkg,
        distribution,
        null,
        fixed ? bound : "",
        "");
  }

  private static String links(OvalDocument.Definition definition) {
    return String.join(
        " ",
        definition.references().stream()
            .map(OvalDocument.Reference::refUrl)
            .filter(url -> !url.isEmpty())
            .toList());
  }

  /** The CVEs a definition references, else its id. */
  private static List<String> names(OvalDocument.Definition definition) {
    List<String> cves =
        definition.references().stream()
            .filter(r -> r.source().equals("CVE") && !r.refId().isEmpty())
            .map(OvalDocument.Reference::refId)
            .toList();
    return cves.isEmpty() ? List.of(definition.id()) : cves;
  }
}
