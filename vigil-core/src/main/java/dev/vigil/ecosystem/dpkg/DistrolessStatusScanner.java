package dev.vigil.ecosystem.dpkg;

import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the packages of distroless images, which have no dpkg {@code status} file but one file per
 * package in {@code var/lib/dpkg/status.d/}, each holding that package's stanza, usually without a
 * {@code Status} field (such a stanza counts as installed). Companion {@code *.md5sums} files are
 * ignored. Each package names its own stanza file as its package database.
 *
 * <p>Stateless and thread-safe.
 */
public final class DistrolessStatusScanner implements PackageScanner {

  /** The directory of per-package stanza files, relative to the image root. */
  public static final String STATUS_D = "var/lib/dpkg/status.d";

  private static final String MD5SUMS = ".md5sums";

  @Override
  public String name() {
    return "dpkg-distroless";
  }

  @Override
  public FileFilter files() {
    FileFilter under = FileFilter.under(STATUS_D);
    return path -> under.wants(path) && !path.endsWith(MD5SUMS);
  }

  @Override
  public List<FoundPackage> scan(FileTree tree) throws IOException {
    List<FoundPackage> found = new ArrayList<>();
    for (String path : tree.list(STATUS_D)) {
      if (!files().wants(path) || path.indexOf('/', STATUS_D.length() + 1) >= 0) {
        continue;
      }
      Optional<InputStream> opened = tree.open(path);
      if (opened.isPresent()) {
        try (InputStream in = opened.get()) {
          DpkgDatabase.parse(in, path, true).forEach(p -> found.add(new FoundPackage(p, path)));
        }
      }
    }
    return List.copyOf(found);
  }
}
