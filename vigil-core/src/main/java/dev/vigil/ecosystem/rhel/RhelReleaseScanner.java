package dev.vigil.ecosystem.rhel;

import dev.vigil.ecosystem.oracle.OracleReleaseScanner;
import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes Red Hat Enterprise Linux (UBI images included: they are RHEL) and CentOS: os-release
 * {@code ID} {@code rhel} or {@code centos}; without os-release, {@code etc/centos-release}, {@code
 * etc/redhat-release} (e.g. {@code Red Hat Enterprise Linux Server release 6.10 (Santiago)}), then
 * {@code etc/system-release-cpe}. An image with {@code etc/oracle-release} is Oracle Linux, whose
 * {@code etc/redhat-release} is RHEL's unchanged.
 */
public final class RhelReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of RHEL. */
  public static final String RHEL = "rhel";

  /** The os-release {@code ID} of CentOS. */
  public static final String CENTOS = "centos";

  private static final Pattern CENTOS_LINE = releaseLine("CentOS(?: Linux| Stream)?");

  /** The scanner. */
  public RhelReleaseScanner() {
    super(
        "rhel",
        ids(RHEL, CENTOS),
        List.of(
            new ReleaseFile("etc/centos-release", CENTOS_LINE, CENTOS),
            new ReleaseFile(
                "etc/redhat-release", releaseLine("Red Hat Enterprise Linux(?: \\S+)*?"), RHEL),
            new ReleaseFile("etc/redhat-release", CENTOS_LINE, CENTOS)),
        List.of(
            new CpeProduct("redhat", "enterprise_linux", RHEL, "Red Hat Enterprise Linux"),
            new CpeProduct("centos", "linux", CENTOS, "CentOS Linux"),
            new CpeProduct("centos", "centos", CENTOS, "CentOS Linux")),
        List.of(OracleReleaseScanner.ORACLE_RELEASE));
  }
}
