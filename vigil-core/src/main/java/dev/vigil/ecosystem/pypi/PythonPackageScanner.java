package dev.vigil.ecosystem.pypi;

import dev.vigil.ecosystem.lang.ArchiveLimits;
import dev.vigil.ecosystem.lang.LanguageFileScanner;
import dev.vigil.ecosystem.lang.NestedZip;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Package;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the installed Python distributions, anywhere in the image, from their core metadata: {@code
 * *.dist-info/METADATA} (wheels), {@code *.egg-info/PKG-INFO} and {@code *.egg-info} files
 * (setuptools, distutils), {@code *.egg/EGG-INFO/PKG-INFO} (unzipped eggs) and {@code *.egg} zip
 * files ({@code EGG-INFO/PKG-INFO} inside, read within {@link ArchiveLimits#DEFAULT}). Each becomes
 * the project as its {@code Name:} states it, at its {@code Version:}, in the {@link
 * OsvEcosystem#PYPI PyPI} repository.
 */
public final class PythonPackageScanner extends LanguageFileScanner {
  private static final String EGG_PKG_INFO = "EGG-INFO/PKG-INFO";

  @Override
  public String name() {
    return "pypi";
  }

  @Override
  public FileFilter files() {
    return path ->
        path.endsWith(".dist-info/METADATA")
            || path.endsWith(".egg-info/PKG-INFO")
            || path.endsWith(".egg-info")
            || path.endsWith(".egg/" + EGG_PKG_INFO)
            || path.endsWith(".egg");
  }

  @Override
  protected List<FoundPackage> scanFile(FileTree tree, String path) throws IOException {
    if (path.endsWith(".egg")) {
      return egg(tree, path);
    }
    return metadataFile(tree, path, OsvEcosystem.PYPI, PythonPackageScanner::parse);
  }

  private static List<FoundPackage> egg(FileTree tree, String path) throws IOException {
    Optional<InputStream> opened = tree.open(path);
    if (opened.isEmpty()) {
      return List.of();
    }
    List<FoundPackage> found = new ArrayList<>();
    NestedZip walk = new NestedZip(ArchiveLimits.DEFAULT, EGG_PKG_INFO::equals, name -> false);
    try (InputStream in = opened.get()) {
      walk.walk(
          in,
          path,
          (archive, name, content) ->
              parse(content)
                  .map(pkg -> new FoundPackage(pkg, archive, OsvEcosystem.PYPI.repository()))
                  .ifPresent(found::add));
    }
    return found;
  }

  /** The {@code Name:} and {@code Version:} fields of a core metadata header. */
  private static Optional<Package> parse(byte[] metadata) {
    String name = "";
    String version = "";
    for (String line : new String(metadata, StandardCharsets.UTF_8).split("\r?\n", -1)) {
      if (line.isEmpty()) {
        break;
      }
      if (line.startsWith("Name:")) {
        name = line.substring("Name:".length());
      } else if (line.startsWith("Version:")) {
        version = line.substring("Version:".length());
      }
    }
    return named(name, version);
  }
}
