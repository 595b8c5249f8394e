package dev.vigil.ecosystem.alpine;

import dev.vigil.ecosystem.apk.ApkVersion;
import dev.vigil.ecosystem.osrelease.OsReleaseScanner;
import dev.vigil.model.Distribution;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes Alpine Linux: an os-release file with {@code ID=alpine}, or, when there is no
 * os-release file or it names no version, {@code etc/alpine-release}. The distribution carries the
 * full release as {@code version} and {@code version_id} (e.g. {@code 3.10.4}); see {@link
 * AlpineRelease#secdbBranch} for the secdb branch it reads. A tree whose os-release names another
 * distribution is not Alpine, even if it has an {@code alpine-release} file.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlpineReleaseScanner implements DistributionScanner {

  /** Alpine's own release file, holding the bare version. */
  public static final String ALPINE_RELEASE = "etc/alpine-release";

  @Override
  public String name() {
    return "alpine";
  }

  @Override
  public FileFilter files() {
    return FileFilter.exactly(
        OsReleaseScanner.ETC_OS_RELEASE, OsReleaseScanner.USR_LIB_OS_RELEASE, ALPINE_RELEASE);
  }

  @Override
  public Optional<Distribution> scan(FileTree tree) throws IOException {
    Optional<Map<String, String>> osRelease = OsReleaseScanner.fields(tree);
    if (osRelease.isPresent()) {
      Map<String, String> fields = osRelease.get();
      if (!AlpineRelease.DID.equals(fields.get("ID"))) {
        return Optional.empty();
      }
      String versionId = fields.getOrDefault("VERSION_ID", "");
      if (!versionId.isBlank()) {
        return Optional.of(AlpineRelease.installed(versionId, fields.get("PRETTY_NAME")));
      }
    }
    return alpineRelease(tree).map(version -> AlpineRelease.installed(version, null));
  }

  private static Optional<String> alpineRelease(FileTree tree) throws IOException {
    return tree.read(ALPINE_RELEASE)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse(""))
        .map(String::strip)
        .filter(ApkVersion.INSTANCE::isValid);
  }
}
