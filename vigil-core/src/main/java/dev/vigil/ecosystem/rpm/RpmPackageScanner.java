package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.PackageScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the packages of rpm's database in any of its three formats: SQLite ({@code rpmdb.sqlite}),
 * NDB ({@code Packages.db}) and BerkeleyDB hash ({@code Packages}), in {@code usr/lib/sysimage/rpm}
 * or {@code var/lib/rpm} (either may be a symbolic link to the other). The first database of {@link
 * #DATABASES} that exists is read; the format is told from the file's content, not its name. Each
 * package is a binary package with version {@code [epoch:]version-release} (the epoch only when it
 * is not zero), its architecture, its source package from the source rpm's file name and its module
 * ({@code name:stream}) from the modularity label. The {@code gpg-pubkey} entries, which hold
 * signing keys rather than packages, are left out.
 *
 * <p>A damaged record is skipped and a damaged database yields what was read before the damage;
 * both are reported as warnings and the rest of the scan goes on.
 *
 * <p>Stateless and thread-safe.
 */
public final class RpmPackageScanner implements PackageScanner {

  /** Where rpm keeps its package database, newest formats and locations first. */
  public static final List<String> DATABASES =
      List.of(
          "usr/lib/sysimage/rpm/rpmdb.sqlite",
          "var/lib/rpm/rpmdb.sqlite",
          "usr/lib/sysimage/rpm/Packages.db",
          "var/lib/rpm/Packages.db",
          "usr/lib/sysimage/rpm/Packages",
          "var/lib/rpm/Packages");

  private static final Logger LOG = LoggerFactory.getLogger(RpmPackageScanner.class);

  @Override
  public String name() {
    return "rpm";
  }

  @Override
  public FileFilter files() {
    List<String> wanted = new ArrayList<>(DATABASES);
    DATABASES.stream().filter(p -> p.endsWith(".sqlite")).forEach(p -> wanted.add(p + "-wal"));
    return wanted::contains;
  }

  @Override
  public List<FoundPackage> scan(FileTree tree) throws IOException {
    return scan(
        tree,
        warning ->
            LOG.atWarn().setMessage("rpm: database damaged").addKeyValue("problem", warning).log());
  }

  @Override
  public List<FoundPackage> scan(FileTree tree, Consumer<String> warnings) throws IOException {
    for (String path : DATABASES) {
      Optional<RpmDatabase.Contents> contents = RpmDatabase.read(tree, path);
      if (contents.isPresent()) {
        contents.get().problems().forEach(p -> warnings.accept("rpm: " + path + ": " + p));
        return contents.get().packages().stream()
            .filter(p -> !p.name().equals(RpmPackageInfo.GPG_PUBKEY))
            .map(p -> new FoundPackage(p.toPackage(), path))
            .toList();
      }
    }
    return List.of();
  }
}
