package dev.vigil.ecosystem.dpkg;

import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Lists the installed packages of dpkg's database, {@code var/lib/dpkg/status}, the file dpkg
 * rewrites whole on every change: the image's packages are those of the topmost layer's copy.
 *
 * <p>Stateless and thread-safe.
 */
public final class DpkgStatusScanner implements PackageScanner {

  /** Where dpkg keeps its database, relative to the image root. */
  public static final String STATUS = "var/lib/dpkg/status";

  @Override
  public String name() {
    return "dpkg";
  }

  @Override
  public FileFilter files() {
    return FileFilter.exactly(STATUS);
  }

  @Override
  public List<FoundPackage> scan(FileTree tree) throws IOException {
    Optional<InputStream> opened = tree.open(STATUS);
    if (opened.isEmpty()) {
      return List.of();
    }
    try (InputStream in = opened.get()) {
      return DpkgDatabase.parse(in, STATUS, false).stream()
          .map(p -> new FoundPackage(p, STATUS))
          .toList();
    }
  }
}
