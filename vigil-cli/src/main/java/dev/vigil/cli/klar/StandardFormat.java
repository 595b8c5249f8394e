package dev.vigil.cli.klar;

/** klar's standard output: the per-severity counts, then one block per shown finding. */
final class StandardFormat {
  private static final String RULE = "-----------------------------------------\n";

  private StandardFormat() {}

  /** The text after klar's {@code Found N vulnerabilities} line. */
  static String render(KlarFindings findings, String lowest) {
    StringBuilder out = new StringBuilder(findings.summary()).append('\n');
    for (KlarVulnerability v : findings.shown(lowest)) {
      out.append(v.name())
          .append(": [")
          .append(v.severity())
          .append("] \nFound in: ")
          .append(v.featureName())
          .append(" [")
          .append(v.featureVersion())
          .append("]\nFixed By: ")
          .append(v.fixedBy())
          .append('\n')
          .append(v.description())
          .append('\n')
          .append(v.link())
          .append('\n')
          .append(RULE);
    }
    return out.toString();
  }
}
