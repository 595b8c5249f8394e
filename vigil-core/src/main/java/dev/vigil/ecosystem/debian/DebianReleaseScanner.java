package dev.vigil.ecosystem.debian;

import dev.vigil.ecosystem.osrelease.OsReleaseParser;
import dev.vigil.ecosystem.osrelease.OsReleaseScanner;
import dev.vigil.model.Distribution;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes Debian: an os-release file with {@code ID=debian}, or, in trees without one, {@code
 * etc/debian_version} (e.g. {@code 9.8}, or {@code buster/sid} for testing and unstable) unless
 * {@code etc/lsb-release} says the tree is Ubuntu, which ships that file too. The distribution
 * keeps the os-release fields and fills a missing {@code VERSION_CODENAME} from the release number,
 * so that Debian 8 images, whose os-release names no codename, read {@code jessie}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DebianReleaseScanner implements DistributionScanner {

  /** Debian's release file. */
  public static final String DEBIAN_VERSION = "etc/debian_version";

  /** The LSB release file, which Ubuntu images carry. */
  public static final String LSB_RELEASE = "etc/lsb-release";

  private static final Pattern NUMBERED = Pattern.compile("(\\d+)(?:\\.\\d+)*");
  private static final Pattern UNSTABLE = Pattern.compile("([a-z]+)/sid");

  @Override
  public String name() {
    return "debian";
  }

  @Override
  public FileFilter files() {
    return FileFilter.exactly(
        OsReleaseScanner.ETC_OS_RELEASE,
        OsReleaseScanner.USR_LIB_OS_RELEASE,
        DEBIAN_VERSION,
        LSB_RELEASE);
  }

  @Override
  public Optional<Distribution> scan(FileTree tree) throws IOException {
    Optional<Map<String, String>> osRelease = OsReleaseScanner.fields(tree);
    if (osRelease.isPresent() && osRelease.get().containsKey("ID")) {
      return DebianRelease.DID.equals(osRelease.get().get("ID"))
          ? Optional.of(fromOsRelease(osRelease.get()))
          : Optional.empty();
    }
    Optional<String> lsbId =
        text(tree, LSB_RELEASE).map(t -> OsReleaseParser.parse(t).get("DISTRIB_ID"));
    if (lsbId.isPresent() && lsbId.get() != null && !lsbId.get().equalsIgnoreCase("debian")) {
      return Optional.empty();
    }
    return text(tree, DEBIAN_VERSION)
        .map(t -> t.lines().findFirst().orElse("").strip())
        .flatMap(DebianReleaseScanner::fromDebianVersion);
  }

  private static Distribution fromOsRelease(Map<String, String> fields) {
    Distribution d = OsReleaseScanner.toDistribution(fields);
    if (!d.versionCodeName().isEmpty()) {
      return d;
    }
    String codename = DebianRelease.codenameOf(d.versionId()).orElse("");
    return new Distribution(
        "", d.did(), d.name(), d.version(), codename, d.versionId(), "", d.cpe(), d.prettyName());
  }

  private static Optional<Distribution> fromDebianVersion(String text) {
    Matcher numbered = NUMBERED.matcher(text);
    if (numbered.matches()) {
      return DebianRelease.codenameOf(numbered.group(1)).map(DebianRelease::forRelease);
    }
    Matcher unstable = UNSTABLE.matcher(text);
    if (unstable.matches()) {
      return Optional.of(
          new Distribution(
              "",
              DebianRelease.DID,
              DebianRelease.NAME,
              "",
              unstable.group(1),
              "",
              "",
              "",
              DebianRelease.NAME + " " + text));
    }
    return Optional.empty();
  }

  private static Optional<String> text(FileTree tree, String path) throws IOException {
    return tree.read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }
}
