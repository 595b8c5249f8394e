package dev.vigil.ecosystem.osrelease;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution's numbered releases and their codenames, e.g. Debian's {@code 12} and {@code
 * bookworm}, Ubuntu's {@code 22.04} and {@code jammy}. Immutable and thread-safe.
 */
public final class ReleaseTable {
  private final Pattern version;
  private final Map<String, String> codenames;

  /**
   * A table.
   *
   * @param version the versions it reads, whose first group is the release the table names, e.g.
   *     {@code (\d+)(?:\.\d+)*} reads {@code 12.8} as release {@code 12}
   * @param codenames the codename of each release
   */
  public ReleaseTable(Pattern version, Map<String, String> codenames) {
    this.version = version;
    this.codenames = Map.copyOf(codenames);
  }

  /** The codename of a version, e.g. {@code 12.8} → {@code bookworm}; empty when unknown. */
  public Optional<String> codenameOf(String versionId) {
    Matcher m = version.matcher(versionId == null ? "" : versionId.strip());
    return m.matches() ? Optional.ofNullable(codenames.get(m.group(1))) : Optional.empty();
  }

  /** The release of a codename, e.g. {@code bookworm} → {@code 12}; empty when unknown. */
  public Optional<String> versionOf(String codename) {
    return codenames.entrySet().stream()
        .filter(e -> e.getValue().equals(codename))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
