package dev.vigil.ecosystem.apk;

import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the packages of apk's installed database, {@code lib/apk/db/installed}: each one as a
 * binary package whose source package is its origin ({@code o:}) at the same version. Stanzas
 * without a name or a version are skipped with a warning.
 *
 * <p>Stateless and thread-safe.
 */
public final class ApkInstalledScanner implements PackageScanner {

  /** Where apk keeps its installed database, relative to the image root. */
  public static final String DATABASE = "lib/apk/db/installed";

  private static final Logger LOG = LoggerFactory.getLogger(ApkInstalledScanner.class);

  @Override
  public String name() {
    return "apk";
  }

  @Override
  public FileFilter files() {
    return FileFilter.exactly(DATABASE);
  }

  @Override
  public List<FoundPackage> scan(FileTree tree) throws IOException {
    Optional<InputStream> opened = tree.open(DATABASE);
    if (opened.isEmpty()) {
      return List.of();
    }
    ApkDatabase.Contents contents;
    try (InputStream in = opened.get()) {
      contents = ApkDatabase.parse(in, DATABASE);
    }
    if (contents.skipped() > 0) {
      LOG.atWarn()
          .setMessage("apk: skipped stanzas without a name or a version")
          .addKeyValue("db", DATABASE)
          .addKeyValue("skipped", contents.skipped())
          .log();
    }
    return contents.packages().stream().map(p -> new FoundPackage(p, DATABASE)).toList();
  }
}
