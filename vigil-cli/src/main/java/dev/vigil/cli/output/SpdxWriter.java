package dev.vigil.cli.output;

import dev.vigil.cli.output.SpdxDocument.Annotation;
import dev.vigil.cli.output.SpdxDocument.Checksum;
import dev.vigil.cli.output.SpdxDocument.ExternalRef;
import dev.vigil.cli.output.SpdxDocument.Relationship;
import dev.vigil.cli.output.SpdxDocument.SpdxPackage;
import dev.vigil.cli.policy.Finding;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Json;
import dev.vigil.model.Package;
import dev.vigil.sbom.SbomProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SPDX 2.3 JSON: the image as a {@code CONTAINER} package (its manifest digest as SHA256 checksum),
 * its distribution as an {@code OPERATING_SYSTEM} package and every package as a {@code LIBRARY}
 * with its package URL, layer and the advisories of its shown findings. SPDX 2.3 has no
 * vulnerability section; the findings are in the other formats. Scanned again with {@code sbom:},
 * it gives the same findings.
 */
final class SpdxWriter implements ReportWriter {
  private static final String NOASSERTION = "NOASSERTION";
  private static final String IMAGE = "SPDXRef-Image";

  @Override
  public void write(ScanResult result, OutputStream out) throws IOException {
    String created = result.time().truncatedTo(ChronoUnit.SECONDS).toString();
    String tool = "Tool: vigil-" + result.toolVersion();
    List<SpdxPackage> packages = new ArrayList<>();
    List<Relationship> relationships = new ArrayList<>();
    relationships.add(new Relationship("SPDXRef-DOCUMENT", "DESCRIBES", IMAGE));
    packages.add(
        new SpdxPackage(
            IMAGE,
            result.name(),
            null,
            NOASSERTION,
            false,
            "CONTAINER",
            null,
            null,
            List.of(new Checksum("SHA256", result.report().manifestHash().hex())),
            null,
            null));
    for (Distribution d : result.report().distributions().values()) {
      String id = "SPDXRef-OperatingSystem-" + d.id();
      String release = d.versionId().isEmpty() ? d.versionCodeName() : d.versionId();
      packages.add(
          new SpdxPackage(
              id,
              d.did(),
              release,
              NOASSERTION,
              false,
              "OPERATING_SYSTEM",
              d.prettyName(),
              null,
              null,
              null,
              null));
      relationships.add(new Relationship(IMAGE, "CONTAINS", id));
    }
    Map<String, List<Finding>> findings =
        result.shown().stream().collect(Collectors.groupingBy(Finding::packageId));
    result
        .report()
        .packages()
        .forEach(
            (id, pkg) -> {
              String spdxId = "SPDXRef-Package-" + id;
              packages.add(
                  library(spdxId, id, pkg, result, findings.getOrDefault(id, List.of()), tool));
              relationships.add(new Relationship(IMAGE, "CONTAINS", spdxId));
            });
    SpdxDocument document =
        new SpdxDocument(
            "SPDXRef-DOCUMENT",
            "SPDX-2.3",
            "CC0-1.0",
            result.name(),
            "https://spdx.org/spdxdocs/vigil-" + UUID.randomUUID(),
            new SpdxDocument.CreationInfo(created, List.of(tool)),
            packages,
            relationships);
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, document);
  }

  private static SpdxPackage library(
      String spdxId,
      String id,
      Package pkg,
      ScanResult result,
      List<Finding> findings,
      String tool) {
    Environment env = result.environment(id);
    List<ExternalRef> refs = new ArrayList<>();
    refs.add(new ExternalRef("PACKAGE-MANAGER", "purl", result.purl(id)));
    Set<String> advisories = new LinkedHashSet<>();
    findings.forEach(f -> advisories.addAll(Describe.links(f.vulnerability())));
    advisories.forEach(url -> refs.add(new ExternalRef("SECURITY", "advisory", url)));
    String date = result.time().truncatedTo(ChronoUnit.SECONDS).toString();
    List<Annotation> notes = new ArrayList<>();
    if (env != null && env.introducedIn() != null) {
      notes.add(note(tool, date, SbomProperties.LAYER, env.introducedIn().toString()));
    }
    if (env != null && env.packageDb() != null && !env.packageDb().isEmpty()) {
      notes.add(note(tool, date, SbomProperties.PACKAGE_DB, env.packageDb()));
    }
    String source = pkg.sourceName();
    String sourceVersion =
        pkg.source() == null || pkg.source().version().isEmpty()
            ? pkg.version()
            : pkg.source().version();
    return new SpdxPackage(
        spdxId,
        pkg.name(),
        pkg.version(),
        NOASSERTION,
        false,
        "LIBRARY",
        null,
        source.equals(pkg.name()) ? null : "built package from: " + source + " " + sourceVersion,
        null,
        refs,
        notes);
  }

  private static Annotation note(String tool, String date, String key, String value) {
    return new Annotation(tool, date, "OTHER", key + ": " + value);
  }
}
