package dev.vigil.ecosystem.alpine;

import dev.vigil.model.Distribution;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Alpine releases map to secdb branches: a stable release {@code 3.10.4} reads branch {@code
 * v3.10}, and edge snapshots ({@code 3.21.0_alpha20240923}, or a {@code PRETTY_NAME} saying {@code
 * edge}) read branch {@code edge}. Vulnerabilities carry the branch without its {@code v} as their
 * distribution's {@code version_id}: {@code 3.10} or {@code edge}.
 */
public final class AlpineRelease {

  /** The os-release {@code ID} of Alpine. */
  public static final String DID = "alpine";

  /** The os-release {@code NAME} of Alpine. */
  public static final String NAME = "Alpine Linux";

  /** The branch that follows development. */
  public static final String EDGE = "edge";

  private static final Pattern STABLE = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)*");
  private static final Pattern PRE_RELEASE =
      Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)*_(?:alpha|beta|pre|rc)\\d*(?:-r\\d+)?");

  private AlpineRelease() {}

  /**
   * The secdb branch that serves a distribution: {@code v3.10} for {@code VERSION_ID} {@code
   * 3.10.4}, {@code edge} for edge; empty when the version says neither.
   */
  public static Optional<String> secdbBranch(Distribution distribution) {
    if (distribution == null) {
      return Optional.empty();
    }
    String pretty = nullToEmpty(distribution.prettyName()).toLowerCase(Locale.ROOT);
    String versionId = nullToEmpty(distribution.versionId());
    if (pretty.contains(EDGE)
        || versionId.equals(EDGE)
        || PRE_RELEASE.matcher(versionId).matches()) {
      return Optional.of(EDGE);
    }
    Matcher stable = STABLE.matcher(versionId);
    return stable.matches()
        ? Optional.of("v" + stable.group(1) + "." + stable.group(2))
        : Optional.empty();
  }

  /** The {@code version_id} that vulnerabilities of a secdb branch carry: {@code v3.10 → 3.10}. */
  public static String branchVersionId(String secdbBranch) {
    return secdbBranch.startsWith("v") ? secdbBranch.substring(1) : secdbBranch;
  }

  /** The distribution that a secdb branch's vulnerabilities apply to. */
  static Distribution forBranch(String secdbBranch) {
    return new Distribution(
        "", DID, NAME, "", "", branchVersionId(secdbBranch), "", "", prettyName(secdbBranch));
  }

  /**
   * The distribution of an installed release.
   *
   * @param versionId the full release version, e.g. {@code 3.10.4}
   * @param prettyName the os-release {@code PRETTY_NAME}, or null to derive one
   */
  static Distribution installed(String versionId, String prettyName) {
    String pretty = prettyName;
    if (pretty == null || pretty.isBlank()) {
      pretty =
          secdbBranch(new Distribution("", DID, NAME, "", "", versionId, "", "", ""))
              .map(AlpineRelease::prettyName)
              .orElse(NAME);
    }
    return new Distribution("", DID, NAME, versionId, "", versionId, "", "", pretty);
  }

  private static String prettyName(String secdbBranch) {
    return NAME + " " + secdbBranch;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
