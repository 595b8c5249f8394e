package dev.vigil.ecosystem.suse;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes SUSE Linux Enterprise (Server, Desktop, for SAP, Micro) and openSUSE Leap and
 * Tumbleweed, from os-release alone (every release SUSE still supports has it). openSUSE Leap 42
 * and older Tumbleweed images say {@code ID=opensuse}; their {@code NAME} tells which it is, and
 * they get the {@code did} of today's images: {@code opensuse-leap} or {@code opensuse-tumbleweed}.
 */
public final class SuseReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of SUSE Linux Enterprise Server. */
  public static final String SLES = "sles";

  /** The os-release {@code ID} of openSUSE Leap. */
  public static final String OPENSUSE_LEAP = "opensuse-leap";

  /** The os-release {@code ID} of openSUSE Tumbleweed. */
  public static final String OPENSUSE_TUMBLEWEED = "opensuse-tumbleweed";

  private static final List<String> IDS =
      List.of(
          SLES,
          "sles_sap",
          "sled",
          "sle-micro",
          "sl-micro",
          OPENSUSE_LEAP,
          OPENSUSE_TUMBLEWEED,
          "opensuse-leap-micro");

  /** The scanner. */
  public SuseReleaseScanner() {
    super("suse", SuseReleaseScanner::did, List.of(), List.of(), List.of());
  }

  private static Optional<String> did(Map<String, String> fields) {
    String id = fields.getOrDefault("ID", "");
    if (IDS.contains(id)) {
      return Optional.of(id);
    }
    if (!id.equals("opensuse")) {
      return Optional.empty();
    }
    String name = fields.getOrDefault("NAME", "");
    if (name.contains("Tumbleweed")) {
      return Optional.of(OPENSUSE_TUMBLEWEED);
    }
    return Optional.of(name.contains("Leap") ? OPENSUSE_LEAP : id);
  }
}
