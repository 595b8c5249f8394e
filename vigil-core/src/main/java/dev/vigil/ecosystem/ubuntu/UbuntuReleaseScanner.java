package dev.vigil.ecosystem.ubuntu;

import dev.vigil.ecosystem.osrelease.OsReleaseParser;
import dev.vigil.ecosystem.osrelease.OsReleaseScanner;
import dev.vigil.model.Distribution;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes Ubuntu: an os-release file with {@code ID=ubuntu}, or, in trees without one, {@code
 * etc/lsb-release} with {@code DISTRIB_ID=Ubuntu}. The distribution keeps the os-release fields and
 * fills a missing {@code VERSION_CODENAME} from {@code UBUNTU_CODENAME}, the codename in {@code
 * VERSION} or the version table, so that releases older than 17.10 read their codename too.
 *
 * <p>Stateless and thread-safe.
 */
public final class UbuntuReleaseScanner implements DistributionScanner {

  /** The LSB release file. */
  public static final String LSB_RELEASE = "etc/lsb-release";

  @Override
  public String name() {
    return "ubuntu";
  }

  @Override
  public FileFilter files() {
    return FileFilter.exactly(
        OsReleaseScanner.ETC_OS_RELEASE, OsReleaseScanner.USR_LIB_OS_RELEASE, LSB_RELEASE);
  }

  @Override
  public Optional<Distribution> scan(FileTree tree) throws IOException {
    Optional<Map<String, String>> osRelease = OsReleaseScanner.fields(tree);
    if (osRelease.isPresent() && osRelease.get().containsKey("ID")) {
      return UbuntuRelease.DID.equals(osRelease.get().get("ID"))
          ? Optional.of(fromOsRelease(osRelease.get()))
          : Optional.empty();
    }
    return tree.read(LSB_RELEASE)
        .map(bytes -> OsReleaseParser.parse(new String(bytes, StandardCharsets.UTF_8)))
        .filter(lsb -> "ubuntu".equals(lsb.getOrDefault("DISTRIB_ID", "").toLowerCase(Locale.ROOT)))
        .map(UbuntuReleaseScanner::fromLsbRelease);
  }

  private static Distribution fromOsRelease(Map<String, String> fields) {
    Distribution d = OsReleaseScanner.toDistribution(fields);
    if (!d.versionCodeName().isEmpty()) {
      return d;
    }
    String codename = fields.getOrDefault("UBUNTU_CODENAME", "");
    if (codename.isEmpty()) {
      codename =
          UbuntuRelease.codenameInVersion(d.version())
              .or(() -> UbuntuRelease.codenameOf(d.versionId()))
              .orElse("");
    }
    return new Distribution(
        "", d.did(), d.name(), d.version(), codename, d.versionId(), "", d.cpe(), d.prettyName());
  }

  private static Distribution fromLsbRelease(Map<String, String> lsb) {
    String versionId = lsb.getOrDefault("DISTRIB_RELEASE", "");
    String codename =
        lsb.getOrDefault("DISTRIB_CODENAME", "").isEmpty()
            ? UbuntuRelease.codenameOf(versionId).orElse("")
            : lsb.get("DISTRIB_CODENAME");
    String pretty = lsb.getOrDefault("DISTRIB_DESCRIPTION", UbuntuRelease.NAME + " " + versionId);
    return new Distribution(
        "", UbuntuRelease.DID, UbuntuRelease.NAME, versionId, codename, versionId, "", "", pretty);
  }
}
