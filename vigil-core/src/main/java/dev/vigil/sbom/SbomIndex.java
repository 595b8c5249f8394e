package dev.vigil.sbom;

import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.purl.PackageUrls;
import dev.vigil.purl.PurlPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns what a document lists into an index report: each operating-system package URL becomes a
 * package, its distribution taken from the {@code distro} qualifier or else from the document's
 * operating-system component of the same {@code ID}; an operating-system component that agrees with
 * the qualifier supplies the full details (pretty name).
 */
final class SbomIndex {
  private final List<Distribution> systems;
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private SbomIndex(List<Distribution> systems) {
    this.systems = systems;
  }

  /** Builds the report of {@code contents}, whose subject has the digest {@code manifest}. */
  static Sbom build(String name, SbomContents contents, Digest manifest) {
    return new SbomIndex(contents.operatingSystems()).report(name, contents, manifest);
  }

  private Sbom report(String name, SbomContents contents, Digest manifest) {
    Map<String, Package> packages = new LinkedHashMap<>();
    Map<String, List<Environment>> environments = new LinkedHashMap<>();
    TreeSet<String> otherTypes = new TreeSet<>();
    int undistributed = 0;
    for (SbomEntry entry : contents.entries()) {
      Optional<PurlPackage> read;
      try {
        read = PackageUrls.parse(entry.purl());
      } catch (IllegalArgumentException e) {
        warnings.add("sbom: skipped a component: " + e.getMessage());
        continue;
      }
      if (read.isEmpty()) {
        otherTypes.add(PackageUrls.parsePurl(entry.purl()).getType());
        continue;
      }
      String id = String.valueOf(packages.size() + 1);
      packages.put(id, withSource(read.get().pkg(), entry.sourceName(), read.get()).withId(id));
      String distributionId = distributionId(read.get());
      if (distributionId.isEmpty()) {
        undistributed++;
      }
      environments.put(
          id,
          List.of(new Environment(entry.packageDb(), entry.layer(), distributionId, List.of())));
    }
    if (!otherTypes.isEmpty()) {
      warnings.add(
          "sbom: skipped components that are not operating-system packages (types: "
              + String.join(", ", otherTypes)
              + ")");
    }
    if (undistributed > 0) {
      warnings.add(
          "sbom: "
              + undistributed
              + " packages name no distribution release (no distro qualifier nor operating-system"
              + " component); they cannot be matched");
    }
    IndexReport report =
        new IndexReport(
            manifest,
            IndexReport.FINISHED,
            packages,
            distributions,
            Map.of(),
            environments,
            true,
            "");
    return new Sbom(name, report, warnings);
  }

  private static Package withSource(Package pkg, String sourceName, PurlPackage read) {
    if (pkg.source() != null
        || sourceName.isEmpty()
        || sourceName.equals(pkg.name())
        || read.type().equals(PackageUrls.RPM)) {
      return pkg;
    }
    return Package.binary(
        pkg.name(), pkg.version(), pkg.arch(), Package.source(sourceName, pkg.version()));
  }

  /** The document-local id of the package's distribution, adding it on first use; or empty. */
  private String distributionId(PurlPackage read) {
    Distribution chosen = read.distribution();
    for (Distribution system : systems) {
      if (system.did().equals(read.did()) && (chosen == null || sameRelease(system, chosen))) {
        chosen = system;
        break;
      }
    }
    if (chosen == null) {
      return "";
    }
    for (Map.Entry<String, Distribution> known : distributions.entrySet()) {
      if (known.getValue().equals(chosen.withId(known.getKey()))) {
        return known.getKey();
      }
    }
    String id = String.valueOf(distributions.size() + 1);
    distributions.put(id, chosen.withId(id));
    return id;
  }

  private static boolean sameRelease(Distribution system, Distribution fromPurl) {
    return system.versionId().equals(fromPurl.versionId())
        || !fromPurl.versionCodeName().isEmpty()
            && fromPurl.versionCodeName().equals(system.versionCodeName());
  }
}
