package dev.vigil.ecosystem.osrelease;

import dev.vigil.model.Distribution;
import dev.vigil.spi.DistributionScanner;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes one family of distributions that an ecosystem serves, e.g. RHEL and CentOS. When the
 * tree has an os-release file, its fields decide: the family claims the tree only if it knows the
 * {@code ID}, and the distribution is os-release's with the family's {@code did} and the {@code
 * CPE_NAME} rewritten as CPE 2.3 (see {@link Cpe}). A tree whose os-release names another
 * distribution is never claimed. Without os-release (images older than it), the family's release
 * files are tried in order, first line against their pattern (named groups {@code name} and {@code
 * version}), then {@code etc/system-release-cpe}; files that mark another family (such as Oracle
 * Linux's {@code etc/oracle-release} beside its unmodified {@code etc/redhat-release}) rule the
 * family out.
 *
 * <p>Subclasses only configure; stateless and thread-safe.
 */
public class FamilyReleaseScanner implements DistributionScanner {

  /** The file holding the release's CPE name on Red Hat-like distributions. */
  public static final String SYSTEM_RELEASE_CPE = "etc/system-release-cpe";

  /**
   * A legacy release file.
   *
   * @param path where it lives, e.g. {@code etc/redhat-release}
   * @param pattern what its first line starts with; groups {@code name} and {@code version}
   * @param did the os-release {@code ID} of the distribution it names
   */
  public record ReleaseFile(String path, Pattern pattern, String did) {}

  /**
   * A product named by {@code etc/system-release-cpe}.
   *
   * @param vendor the CPE vendor, e.g. {@code centos}
   * @param product the CPE product, e.g. {@code linux}
   * @param did the os-release {@code ID} of the distribution
   * @param name the distribution's name
   */
  public record CpeProduct(String vendor, String product, String did, String name) {}

  private final String name;
  private final Function<Map<String, String>, Optional<String>> did;
  private final List<ReleaseFile> releaseFiles;
  private final List<CpeProduct> cpeProducts;
  private final List<String> foreignFiles;

  /**
   * A family.
   *
   * @param name the scanner's name, the ecosystem's, e.g. {@code rhel}
   * @param did the family's {@code did} for os-release fields, empty when not of the family
   * @param releaseFiles the legacy release files, in the order they are tried
   * @param cpeProducts the products {@code etc/system-release-cpe} may name
   * @param foreignFiles files whose presence means another family
   */
  protected FamilyReleaseScanner(
      String name,
      Function<Map<String, String>, Optional<String>> did,
      List<ReleaseFile> releaseFiles,
      List<CpeProduct> cpeProducts,
      List<String> foreignFiles) {
    this.name = name;
    this.did = did;
    this.releaseFiles = List.copyOf(releaseFiles);
    this.cpeProducts = List.copyOf(cpeProducts);
    this.foreignFiles = List.copyOf(foreignFiles);
  }

  /** A {@code did} function claiming exactly the given os-release {@code ID}s. */
  protected static Function<Map<String, String>, Optional<String>> ids(String... ids) {
    List<String> known = List.of(ids);
    return fields -> Optional.ofNullable(fields.get("ID")).filter(known::contains);
  }

  /** A pattern for {@code "<name> release <version>"} lines, the usual release file form. */
  protected static Pattern releaseLine(String nameRegex) {
    return Pattern.compile("(?<name>" + nameRegex + ") release (?<version>\\d+(?:\\.\\d+)*)");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final FileFilter files() {
    List<String> paths = new ArrayList<>();
    paths.add(OsReleaseScanner.ETC_OS_RELEASE);
    paths.add(OsReleaseScanner.USR_LIB_OS_RELEASE);
    releaseFiles.forEach(f -> paths.add(f.path()));
    if (!releaseFiles.isEmpty() || !cpeProducts.isEmpty()) {
      paths.add(SYSTEM_RELEASE_CPE);
    }
    paths.addAll(foreignFiles);
    return paths::contains;
  }

  @Override
  public final Optional<Distribution> scan(FileTree tree) throws IOException {
    Optional<Map<String, String>> osRelease = OsReleaseScanner.fields(tree);
    if (osRelease.isPresent()) {
      return did.apply(osRelease.get()).map(id -> fromOsRelease(id, osRelease.get()));
    }
    for (String foreign : foreignFiles) {
      if (tree.read(foreign).isPresent()) {
        return Optional.empty();
      }
    }
    Optional<String> cpeLine = firstLine(tree, SYSTEM_RELEASE_CPE);
    String cpe = cpeLine.map(Cpe::normalize).orElse("");
    for (ReleaseFile file : releaseFiles) {
      Optional<String> line = firstLine(tree, file.path());
      Matcher m = line.map(l -> file.pattern().matcher(l)).orElse(null);
      if (m != null && m.lookingAt()) {
        String version = m.group("version");
        return Optional.of(
            new Distribution(
                "", file.did(), m.group("name"), version, "", version, "", cpe, line.get()));
      }
    }
    return cpeLine.flatMap(Cpe::parse).flatMap(this::fromCpe);
  }

  private static Distribution fromOsRelease(String did, Map<String, String> fields) {
    Distribution d = OsReleaseScanner.toDistribution(fields);
    return new Distribution(
        "",
        did,
        d.name(),
        d.version(),
        d.versionCodeName(),
        d.versionId(),
        d.arch(),
        Cpe.normalize(d.cpe()),
        d.prettyName());
  }

  private Optional<Distribution> fromCpe(Cpe cpe) {
    String version = cpe.attribute(3);
    if (version.equals("*") || version.equals("-")) {
      return Optional.empty();
    }
    return cpeProducts.stream()
        .filter(p -> p.vendor().equals(cpe.attribute(1)) && p.product().equals(cpe.attribute(2)))
        .findFirst()
        .map(
            p ->
                new Distribution(
                    "",
                    p.did(),
                    p.name(),
                    version,
                    "",
                    version,
                    "",
                    cpe.toString(),
                    p.name() + " " + version));
  }

  private static Optional<String> firstLine(FileTree tree, String path) throws IOException {
    return tree.read(path)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip().lines().findFirst())
        .flatMap(line -> line)
        .map(String::strip);
  }
}
