package dev.vigil.ecosystem.osrelease;

import dev.vigil.model.Distribution;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Identifies any distribution by its os-release(5) file: {@code etc/os-release}, else {@code
 * usr/lib/os-release}. Missing {@code ID}, {@code NAME} and {@code PRETTY_NAME} take the defaults
 * os-release(5) gives them ({@code linux}, {@code Linux}, {@code Linux}).
 *
 * <p>Stateless and thread-safe.
 */
public final class OsReleaseScanner implements DistributionScanner {

  /** The os-release file's usual place. */
  public static final String ETC_OS_RELEASE = "etc/os-release";

  /** Where os-release lives when {@code etc/os-release} is absent. */
  public static final String USR_LIB_OS_RELEASE = "usr/lib/os-release";

  @Override
  public String name() {
    return "os-release";
  }

  @Override
  public FileFilter files() {
    return FileFilter.exactly(ETC_OS_RELEASE, USR_LIB_OS_RELEASE);
  }

  @Override
  public Optional<Distribution> scan(FileTree tree) throws IOException {
    return fields(tree).map(OsReleaseScanner::toDistribution);
  }

  /**
   * The os-release fields of a tree, from {@code etc/os-release} or else {@code
   * usr/lib/os-release}; empty when neither exists or the file holds no assignment.
   *
   * @throws IOException when reading the tree fails
   */
  public static Optional<Map<String, String>> fields(FileTree tree) throws IOException {
    Optional<byte[]> file = tree.read(ETC_OS_RELEASE);
    if (file.isEmpty()) {
      file = tree.read(USR_LIB_OS_RELEASE);
    }
    return file.map(bytes -> OsReleaseParser.parse(new String(bytes, StandardCharsets.UTF_8)))
        .filter(fields -> !fields.isEmpty());
  }

  /** The distribution that os-release fields describe. */
  public static Distribution toDistribution(Map<String, String> fields) {
    return new Distribution(
        "",
        fields.getOrDefault("ID", "linux"),
        fields.getOrDefault("NAME", "Linux"),
        fields.getOrDefault("VERSION", ""),
        fields.getOrDefault("VERSION_CODENAME", ""),
        fields.getOrDefault("VERSION_ID", ""),
        "",
        fields.getOrDefault("CPE_NAME", ""),
        fields.getOrDefault("PRETTY_NAME", "Linux"));
  }
}
