package dev.vigil.ecosystem.osv;

import dev.vigil.model.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The base score of a CVSS v3.0 or v3.1 vector ({@code CVSS:3.1/AV:N/AC:L/...}), computed with the
 * specification's equations (CVSS v3.1 specification, section 7.1 and appendix A's round-up), and
 * its qualitative rating.
 */
public final class CvssV3 {
  private CvssV3() {}

  /** The base score of {@code vector}; empty when it is not a complete CVSS v3 base vector. */
  public static Optional<Double> baseScore(String vector) {
    if (vector == null || !(vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))) {
      return Optional.empty();
    }
    Map<String, String> metrics = new HashMap<>();
    for (String part : vector.substring("CVSS:3.x/".length()).split("/")) {
      String[] kv = part.split(":", 2);
      if (kv.length != 2) {
        return Optional.empty();
      }
      metrics.put(kv[0], kv[1]);
    }
    boolean changed = "C".equals(metrics.get("S"));
    if (!changed && !"U".equals(metrics.get("S"))) {
      return Optional.empty();
    }
    Double av = weight(metrics.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
    Double ac = weight(metrics.get("AC"), "L", 0.77, "H", 0.44);
    Double pr =
        weight(metrics.get("PR"), "N", 0.85, "L", changed ? 0.68 : 0.62, "H", changed ? 0.5 : 0.27);
    Double ui = weight(metrics.get("UI"), "N", 0.85, "R", 0.62);
    Double c = weight(metrics.get("C"), "H", 0.56, "L", 0.22, "N", 0.0);
    Double i = weight(metrics.get("I"), "H", 0.56, "L", 0.22, "N", 0.0);
    Double a = weight(metrics.get("A"), "H", 0.56, "L", 0.22, "N", 0.0);
    if (av == null
        || ac == null
        || pr == null
        || ui == null
        || c == null
        || i == null
        || a == null) {
      return Optional.empty();
    }
    double iss = 1 - (1 - c) * (1 - i) * (1 - a);
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    if (impact <= 0) {
      return Optional.of(0.0);
    }
    double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
    return Optional.of(roundUp(Math.min(sum, 10)));
  }

  /** The rating of a base score: None (as Negligible), Low, Medium, High, Critical. */
  public static Severity rating(double score) {
    if (score >= 9.0) {
      return Severity.Critical;
    }
    if (score >= 7.0) {
      return Severity.High;
    }
    if (score >= 4.0) {
      return Severity.Medium;
    }
    return score > 0 ? Severity.Low : Severity.Negligible;
  }

  /** The smallest number with one decimal that is not below {@code value} (v3.1's Roundup). */
  private static double roundUp(double value) {
    long scaled = Math.round(value * 100_000);
    return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
  }

  private static Double weight(String value, Object... table) {
    for (int k = 0; k < table.length; k += 2) {
      if (table[k].equals(value)) {
        return (Double) table[k + 1];
      }
    }
    return null;
  }
}
