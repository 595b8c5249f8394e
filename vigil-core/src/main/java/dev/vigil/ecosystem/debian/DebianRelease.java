package dev.vigil.ecosystem.debian;

import dev.vigil.ecosystem.osrelease.ReleaseTable;
import dev.vigil.model.Distribution;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian releases: numbered releases and their codenames ({@code 12} is {@code bookworm}), and
 * {@code sid}, the unstable distribution, which has no number. Debian's security feeds name a
 * release by its codename; vulnerabilities carry it as their distribution's {@code
 * version_code_name}, with the release number as {@code version_id}.
 */
public final class DebianRelease {

  /** The os-release {@code ID} of Debian. */
  public static final String DID = "debian";

  /** The os-release {@code NAME} of Debian. */
  public static final String NAME = "Debian GNU/Linux";

  /** The codename of the unstable distribution. */
  public static final String SID = "sid";

  private static final ReleaseTable RELEASES =
      new ReleaseTable(
          Pattern.compile("(\\d+)(?:\\.\\d+)*"),
          Map.ofEntries(
              Map.entry("7", "wheezy"),
              Map.entry("8", "jessie"),
              Map.entry("9", "stretch"),
              Map.entry("10", "buster"),
              Map.entry("11", "bullseye"),
              Map.entry("12", "bookworm"),
              Map.entry("13", "trixie"),
              Map.entry("14", "forky"),
              Map.entry("15", "duke")));
  private static final Pattern PARENTHESIZED = Pattern.compile("\\(([a-z]+)\\)");
  private static final Pattern UNSTABLE = Pattern.compile("(?:^|\\s)[a-z]+/sid(?:$|\\s)");

  private DebianRelease() {}

  /** The codename of a numbered release, e.g. {@code 12} or {@code 12.4} → {@code bookworm}. */
  public static Optional<String> codenameOf(String versionId) {
    return RELEASES.codenameOf(versionId);
  }

  /** The release number of a codename, e.g. {@code bookworm} → {@code 12}; empty for sid. */
  public static Optional<String> numberOf(String codename) {
    return RELEASES.versionOf(codename);
  }

  /**
   * The release whose security data applies to an installed distribution: its {@code
   * VERSION_CODENAME}, else the codename of its {@code VERSION_ID}, else a codename in parentheses
   * in its {@code VERSION} or {@code PRETTY_NAME}; {@code sid} for an unnumbered {@code
   * codename/sid} (testing and unstable images say so alike). Empty when the distribution is not
   * Debian or names no release.
   */
  public static Optional<String> of(Distribution d) {
    if (d == null || !DID.equals(d.did())) {
      return Optional.empty();
    }
    String version = orEmpty(d.version()) + " " + orEmpty(d.prettyName());
    if (orEmpty(d.versionId()).isEmpty() && UNSTABLE.matcher(version.strip()).find()) {
      return Optional.of(SID);
    }
    String codename = orEmpty(d.versionCodeName()).toLowerCase(Locale.ROOT);
    if (!codename.isEmpty()) {
      return Optional.of(codename);
    }
    Optional<String> numbered = codenameOf(d.versionId());
    if (numbered.isPresent()) {
      return numbered;
    }
    Matcher m = PARENTHESIZED.matcher(version);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The distribution that a feed's statements about a release apply to. */
  public static Distribution forRelease(String codename) {
    Optional<String> number = numberOf(codename);
    String version = number.map(n -> n + " (" + codename + ")").orElse("");
    String pretty = NAME + " " + (number.isPresent() ? version : codename);
    return new Distribution("", DID, NAME, version, codename, number.orElse(""), "", "", pretty);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
