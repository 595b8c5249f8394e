package dev.vigil.ecosystem.pypi;

import dev.vigil.ecosystem.lang.ArchiveLimits;
import dev.vigil.ecosystem.lang.LanguageFileScanner;
import dev.vigil.ecosystem.lang.NestedZip;
import dev.vigil.ecosystem.osv.OsvEcosystem;
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
    Optional<byte[]> content = readSmall(tree, path);
    if (content.isEmpty()) {
      return List.of();
    }
    return found(content.get(), path).stream().toList();
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
          in, path, (archive, name, content) -> found(content, archive).ifPresent(found::add));
    }
    return found;
  }

  private static Optional<FoundPackage> found(byte[] metadata, String packageDb) {
    return CoreMetadata.parse(new String(metadata, StandardCharsets.UTF_8))
        .map(pkg -> new FoundPackage(pkg, packageDb, OsvEcosystem.PYPI.repository()));
  }

  /** The {@code Name:} and {@code Version:} fields of a core metadata document. */
  static final class CoreMetadata {
    private CoreMetadata() {}

    /** The distribution the header names, or empty when it lacks a name or a version. */
    static Optional<Package> parse(String metadata) {
      String name = "";
      String version = "";
      for (String line : metadata.split("\r?\n", -1)) {
        if (line.isEmpty()) {
          break;
        }
        if (line.startsWith("Name:")) {
          name = line.substring("Name:".length()).trim();
        } else if (line.startsWith("Version:")) {
          version = line.substring("Version:".length()).trim();
        }
      }
      if (name.isEmpty() || version.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(Package.binary(name, version, "", null));
    }
  }
}
