package dev.vigil.ecosystem.rpm;

import dev.vigil.model.Package;
import dev.vigil.spi.ScanException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Vigil reads from one rpm header.
 *
 * @param name the package name
 * @param epoch the epoch, or null when the header has none
 * @param version the upstream version
 * @param release the packaging release
 * @param arch the architecture, empty when absent (as for {@code gpg-pubkey})
 * @param sourceRpm the source rpm's file name, empty when absent
 * @param vendor the vendor, empty when absent
 * @param modularityLabel the modularity label, empty when the package is not from a module
 */
record RpmPackageInfo(
    String name,
    Integer epoch,
    String version,
    String release,
    String arch,
    String sourceRpm,
    String vendor,
    String modularityLabel) {

  /** The pseudo-package under which rpm stores imported signing keys. */
  static final String GPG_PUBKEY = "gpg-pubkey";

  private static final String NONE = "(none)";

  /**
   * Reads the fields Vigil uses from a header.
   *
   * @throws ScanException when the name, version or release is missing or a field is malformed
   */
  static RpmPackageInfo of(RpmHeader header) throws ScanException {
    OptionalInt epoch = header.int32(RpmHeader.EPOCH);
    return new RpmPackageInfo(
        required(header, RpmHeader.NAME, "name"),
        epoch.isPresent() ? epoch.getAsInt() : null,
        required(header, RpmHeader.VERSION, "version"),
        required(header, RpmHeader.RELEASE, "release"),
        header.string(RpmHeader.ARCH).orElse(""),
        header.string(RpmHeader.SOURCERPM).orElse(""),
        header.string(RpmHeader.VENDOR).orElse(""),
        header.string(RpmHeader.MODULARITYLABEL).orElse(""));
  }

  /**
   * {@code [epoch:]version-release}, with the epoch only when it is not zero, as claircore writes
   * rpm versions.
   */
  String evr() {
    String prefix = epoch != null && epoch != 0 ? Integer.toUnsignedString(epoch) + ":" : "";
    return prefix + version + "-" + release;
  }

  /** The module as {@code name:stream}, from the modularity label; empty when there is none. */
  String module() {
    String[] parts = modularityLabel.split(":", -1);
    return parts.length >= 2 ? parts[0] + ":" + parts[1] : "";
  }

  /**
   * The source package named by the source rpm's file name: {@code openssl-1.1.1k-7.cm2.src.rpm} is
   * {@code openssl} at {@code 1.1.1k-7.cm2}. Empty when there is no source rpm or its name is not
   * {@code name-version-release.src.rpm}.
   */
  Optional<Package> source() {
    String base = sourceRpm;
    for (String suffix : new String[] {".src.rpm", ".nosrc.rpm"}) {
      if (base.endsWith(suffix)) {
        base = base.substring(0, base.length() - suffix.length());
      }
    }
    int releaseDash = base.lastIndexOf('-');
    int versionDash = releaseDash > 0 ? base.lastIndexOf('-', releaseDash - 1) : -1;
    if (base.equals(sourceRpm)
        || versionDash <= 0
        || releaseDash == versionDash + 1
        || releaseDash == base.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new Package(
            "",
            base.substring(0, versionDash),
            base.substring(versionDash + 1),
            Package.SOURCE,
            null,
            "",
            module(),
            "",
            ""));
  }

  /** The binary package, with its source package and module. */
  Package toPackage() {
    return new Package(
        "", name, evr(), Package.BINARY, source().orElse(null), "", module(), arch, "");
  }

  private static String required(RpmHeader header, int tag, String what) throws ScanException {
    Optional<String> value = header.string(tag);
    if (value.isEmpty() || value.get().isEmpty() || value.get().equals(NONE)) {
      throw new ScanException("header has no " + what);
    }
    return value.get();
  }
}
