package dev.vigil.cli.output;

import dev.vigil.cli.policy.Finding;
import dev.vigil.cli.policy.Suppressed;
import dev.vigil.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Rating;

/**
 * Findings as CycloneDX vulnerabilities: one per vulnerability name, affecting every package it was
 * found in, rated with the feed's severity. A suppressed finding gets its own entry with an
 * analysis: {@code not_affected} or {@code resolved} from VEX (with the justification mapped to
 * CycloneDX's), {@code exploitable} with response {@code will_not_fix} for an ignore-file entry.
 */
final class CycloneDxVulnerabilities {
  private static final Map<String, Analysis.Justification> JUSTIFICATIONS =
      Map.of(
          "component_not_present", Analysis.Justification.CODE_NOT_PRESENT,
          "vulnerable_code_not_present", Analysis.Justification.CODE_NOT_PRESENT,
          "vulnerable_code_not_in_execute_path", Analysis.Justification.CODE_NOT_REACHABLE,
          "vulnerable_code_cannot_be_controlled_by_adversary",
              Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL,
          "inline_mitigations_already_exist",
              Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL);

  private final Map<String, String> refs;

  /**
   * Converts findings whose packages have the given bom-refs.
   *
   * @param refs bom-refs by package id
   */
  CycloneDxVulnerabilities(Map<String, String> refs) {
    this.refs = refs;
  }

  /** The vulnerabilities for the shown and the suppressed findings. */
  List<Vulnerability> of(List<Finding> shown, List<Suppressed> suppressed) {
    Map<String, List<Finding>> byName = new LinkedHashMap<>();
    shown.forEach(f -> byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f));
    List<Vulnerability> out = new ArrayList<>();
    byName.forEach((name, findings) -> out.add(vulnerability(findings)));
    Map<List<String>, List<Suppressed>> byDecision = new LinkedHashMap<>();
    for (Suppressed s : suppressed) {
      List<String> key = List.of(s.finding().name(), s.source().name(), s.status(), s.reason());
      byDecision.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    byDecision.forEach(
        (key, decisions) -> {
          Vulnerability v = vulnerability(decisions.stream().map(Suppressed::finding).toList());
          v.setAnalysis(analysis(decisions.get(0)));
          out.add(v);
        });
    return out;
  }

  private Vulnerability vulnerability(List<Finding> findings) {
    Finding first = findings.get(0);
    Vulnerability v = new Vulnerability();
    v.setId(first.name());
    Vulnerability.Source source = new Vulnerability.Source();
    source.setName(first.vulnerability().updater());
    v.setSource(source);
    Rating rating = new Rating();
    rating.setSource(source);
    rating.setSeverity(severity(first.severity()));
    v.setRatings(List.of(rating));
    String description = first.vulnerability().description();
    if (description != null && !description.isBlank()) {
      v.setDescription(description);
    }
    List<Vulnerability.Advisory> advisories = new ArrayList<>();
    for (String link : Describe.links(first.vulnerability())) {
      Vulnerability.Advisory advisory = new Vulnerability.Advisory();
      advisory.setUrl(link);
      advisories.add(advisory);
    }
    if (!advisories.isEmpty()) {
      v.setAdvisories(advisories);
    }
    String upgrades =
        findings.stream()
            .filter(Finding::hasFix)
            .map(f -> f.pkg().name() + " to " + f.vulnerability().fixedInVersion())
            .distinct()
            .collect(Collectors.joining(", "));
    if (!upgrades.isEmpty()) {
      v.setRecommendation("Upgrade " + upgrades);
    }
    List<Vulnerability.Affect> affects = new ArrayList<>();
    for (Finding f : findings) {
      Vulnerability.Affect affect = new Vulnerability.Affect();
      affect.setRef(refs.get(f.packageId()));
      Vulnerability.Version version = new Vulnerability.Version();
      version.setVersion(f.pkg().version());
      version.setStatus(Vulnerability.Version.Status.AFFECTED);
      affect.setVersions(List.of(version));
      affects.add(affect);
    }
    v.setAffects(affects);
    return v;
  }

  private static Analysis analysis(Suppressed s) {
    Analysis analysis = new Analysis();
    if (s.source() == Suppressed.Source.IGNORE_FILE) {
      analysis.setState(Analysis.State.EXPLOITABLE);
      analysis.setResponses(List.of(Analysis.Response.WILL_NOT_FIX));
    } else if (s.status().equals("fixed")) {
      analysis.setState(Analysis.State.RESOLVED);
    } else {
      analysis.setState(Analysis.State.NOT_AFFECTED);
      Analysis.Justification justification = JUSTIFICATIONS.get(s.justification());
      if (justification != null) {
        analysis.setJustification(justification);
      }
    }
    String detail = s.source().label() + ": " + s.status() + " " + s.reason();
    analysis.setDetail(detail.strip());
    return analysis;
  }

  private static Rating.Severity severity(Severity severity) {
    return switch (severity) {
      case Critical -> Rating.Severity.CRITICAL;
      case High -> Rating.Severity.HIGH;
      case Medium -> Rating.Severity.MEDIUM;
      case Low -> Rating.Severity.LOW;
      case Negligible -> Rating.Severity.INFO;
      case Unknown -> Rating.Severity.UNKNOWN;
    };
  }
}
