package dev.vigil.ecosystem.oracle;

import dev.vigil.ecosystem.rpm.RpmMatcher;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import java.util.Set;

/**
 * Matches installed Oracle Linux rpms (os-release {@code ID} {@code ol}) against the ELSA OVAL by
 * binary package and major version. Oracle ships ksplice builds of some packages ({@code
 * 2:1.1.1g-15.ksplice1.el8_3}) beside the normal ones and states their fixes separately ("is
 * ksplice-based"): a ksplice build is judged only against ksplice fixes, a normal build only
 * against normal fixes, so neither hides nor invents the other's findings.
 *
 * <p>Stateless and thread-safe.
 */
public final class OracleMatcher extends RpmMatcher {
  private static final String KSPLICE = "ksplice";

  /** The matcher. */
  public OracleMatcher() {
    super(OracleOval.NAME, Set.of(OracleReleaseScanner.DID), RpmMatcher::major);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    return ksplice(record.pkg().version()) == ksplice(vulnerability.fixedInVersion())
        && super.vulnerable(record, vulnerability);
  }

  /** True for the EVR of a ksplice build: its release says {@code ksplice}. */
  private static boolean ksplice(String evr) {
    return evr != null && evr.substring(evr.lastIndexOf('-') + 1).contains(KSPLICE);
  }
}
