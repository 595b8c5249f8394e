package dev.vigil.cli.policy;

import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.purl.PackageUrls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Flattens a vulnerability report into findings, most severe first. */
public final class Findings {
  /** Most severe first, then by package and vulnerability name. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .reversed()
          .thenComparing(f -> f.pkg().name())
          .thenComparing(Finding::name);

  private Findings() {}

  /** Every package × vulnerability pair of {@code report}. */
  public static List<Finding> of(VulnerabilityReport report) {
    List<Finding> findings = new ArrayList<>();
    report
        .packageVulnerabilities()
        .forEach(
            (packageId, vulnerabilityIds) -> {
              Package pkg = report.packages().get(packageId);
              List<Environment> envs = report.environments().getOrDefault(packageId, List.of());
              Environment env = envs.isEmpty() ? null : envs.get(0);
              Distribution distribution =
                  env == null ? null : report.distributions().get(env.distributionId());
              String purl = PackageUrls.format(report, packageId);
              for (String id : vulnerabilityIds) {
                Vulnerability v = report.vulnerabilities().get(id);
                findings.add(new Finding(packageId, pkg, v, distribution, env, purl));
              }
            });
    findings.sort(ORDER);
    return findings;
  }
}
