package dev.vigil.ecosystem.oracle;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;

/**
 * Recognizes Oracle Linux: os-release {@code ID} {@code ol}; without os-release, {@code
 * etc/oracle-release} ({@code Oracle Linux Server release 6.10}), then {@code
 * etc/system-release-cpe}.
 */
public final class OracleReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of Oracle Linux. */
  public static final String DID = "ol";

  /** Oracle Linux's own release file. */
  public static final String ORACLE_RELEASE = "etc/oracle-release";

  /** The scanner. */
  public OracleReleaseScanner() {
    super(
        "oracle",
        ids(DID),
        List.of(new ReleaseFile(ORACLE_RELEASE, releaseLine("Oracle Linux(?: Server)?"), DID)),
        List.of(new CpeProduct("oracle", "linux", DID, "Oracle Linux Server")),
        List.of());
  }
}
