package dev.vigil.ecosystem.ubuntu;

import dev.vigil.ecosystem.osrelease.ReleaseTable;
import dev.vigil.model.Distribution;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ubuntu releases: {@code YY.MM} versions and their codenames ({@code 22.04} is {@code jammy}).
 * Canonical's feeds are published per codename; vulnerabilities carry it as their distribution's
 * {@code version_code_name}, with the version as {@code version_id}. Releases newer than this table
 * are recognized by the codename their os-release file states.
 */
public final class UbuntuRelease {

  /** The os-release {@code ID} of Ubuntu. */
  public static final String DID = "ubuntu";

  /** The os-release {@code NAME} of Ubuntu. */
  public static final String NAME = "Ubuntu";

  private static final ReleaseTable RELEASES =
      new ReleaseTable(
          Pattern.compile("(\\d+\\.\\d+)(?:\\.\\d+)*"),
          Map.ofEntries(
              Map.entry("10.04", "lucid"),
              Map.entry("10.10", "maverick"),
              Map.entry("11.04", "natty"),
              Map.entry("11.10", "oneiric"),
              Map.entry("12.04", "precise"),
              Map.entry("12.10", "quantal"),
              Map.entry("13.04", "raring"),
              Map.entry("13.10", "saucy"),
              Map.entry("14.04", "trusty"),
              Map.entry("14.10", "utopic"),
              Map.entry("15.04", "vivid"),
              Map.entry("15.10", "wily"),
              Map.entry("16.04", "xenial"),
              Map.entry("16.10", "yakkety"),
              Map.entry("17.04", "zesty"),
              Map.entry("17.10", "artful"),
              Map.entry("18.04", "bionic"),
              Map.entry("18.10", "cosmic"),
              Map.entry("19.04", "disco"),
              Map.entry("19.10", "eoan"),
              Map.entry("20.04", "focal"),
              Map.entry("20.10", "groovy"),
              Map.entry("21.04", "hirsute"),
              Map.entry("21.10", "impish"),
              Map.entry("22.04", "jammy"),
              Map.entry("22.10", "kinetic"),
              Map.entry("23.04", "lunar"),
              Map.entry("23.10", "mantic"),
              Map.entry("24.04", "noble"),
              Map.entry("24.10", "oracular"),
              Map.entry("25.04", "plucky"),
              Map.entry("25.10", "questing")));
  private static final Pattern NAMED = Pattern.compile("[(,]\\s*([A-Za-z]+)");

  private UbuntuRelease() {}

  /** The codename of a version, e.g. {@code 22.04} or {@code 22.04.3} → {@code jammy}. */
  public static Optional<String> codenameOf(String versionId) {
    return RELEASES.codenameOf(versionId);
  }

  /** The version of a codename, e.g. {@code jammy} → {@code 22.04}, if the table knows it. */
  public static Optional<String> versionOf(String codename) {
    return RELEASES.versionOf(codename);
  }

  /**
   * The codename named by os-release's {@code VERSION}, e.g. {@code 16.04.7 LTS (Xenial Xerus)} or
   * {@code 12.04.5 LTS, Precise Pangolin} → {@code xenial}, {@code precise}.
   */
  static Optional<String> codenameInVersion(String version) {
    Matcher m = NAMED.matcher(version == null ? "" : version);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /**
   * The release whose security data applies to an installed distribution: its {@code
   * VERSION_CODENAME}, else the codename of its {@code VERSION_ID}, else the one its {@code
   * VERSION} names; empty when the distribution is not Ubuntu or names no release.
   */
  public static Optional<String> of(Distribution d) {
    if (d == null || !DID.equals(d.did())) {
      return Optional.empty();
    }
    if (d.versionCodeName() != null && !d.versionCodeName().isEmpty()) {
      return Optional.of(d.versionCodeName().toLowerCase(Locale.ROOT));
    }
    Optional<String> numbered = codenameOf(d.versionId());
    return numbered.isPresent() ? numbered : codenameInVersion(d.version());
  }

  /**
   * The distribution that a feed's statements about a release apply to.
   *
   * @param versionId the release's version, e.g. {@code 22.10}, or empty if unknown
   */
  public static Distribution forRelease(String codename, String versionId) {
    String pretty = NAME + " " + (versionId.isEmpty() ? codename : versionId);
    return new Distribution("", DID, NAME, versionId, codename, versionId, "", "", pretty);
  }
}
