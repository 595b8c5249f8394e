package dev.vigil.ecosystem.rpm;

import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches small inventories against parsed vulnerabilities the way the store and the matcher engine
 * do: candidates of the matcher's updaters that share the fields its query names, then the
 * matcher's judgement.
 */
public final class Findings {

  private Findings() {}

  /** An installed binary rpm (no source package) on {@code distribution}. */
  public static IndexRecord rpm(
      Distribution distribution, String name, String evr, String arch, String module) {
    return new IndexRecord(
        new Package("", name, evr, Package.BINARY, null, "", module, arch, ""), distribution, null);
  }

  /** A distribution as an image's os-release gives it. */
  public static Distribution os(String did, String versionId) {
    return new Distribution("", did, did, versionId, "", versionId, "", "", did + " " + versionId);
  }

  /** The findings as {@code NAME PACKAGE} pairs, sorted. */
  public static Set<String> of(Matcher matcher, List<Vulnerability> vulns, IndexRecord... records) {
    Set<String> out = new TreeSet<>();
    for (IndexRecord record : records) {
      if (!matcher.filter(record)) {
        continue;
      }
      for (Vulnerability v : candidates(matcher, vulns, record)) {
        if (matcher.vulnerable(record, v)) {
          out.add(v.name() + " " + record.pkg().name());
        }
      }
    }
    return out;
  }

  private static List<Vulnerability> candidates(
      Matcher matcher, List<Vulnerability> vulns, IndexRecord record) {
    Set<MatchConstraint> query = matcher.query();
    List<Vulnerability> out = new ArrayList<>();
    for (Vulnerability v : vulns) {
      boolean ok = matcher.updaters().contains(v.updater());
      if (query.contains(MatchConstraint.PACKAGE_NAME)) {
        ok &= Objects.equals(v.pkg().name(), record.pkg().name());
      }
      if (query.contains(MatchConstraint.DISTRIBUTION_DID)) {
        ok &= Objects.equals(v.distribution().did(), record.distribution().did());
      }
      if (ok) {
        out.add(v);
      }
    }
    return out;
  }
}
