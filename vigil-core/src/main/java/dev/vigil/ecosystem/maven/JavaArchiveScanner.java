package dev.vigil.ecosystem.maven;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the Maven artifacts in Java archives ({@code .jar}, {@code .war}, {@code .ear}, {@code
 * .par}, Jenkins' {@code .hpi}/{@code .jpi}) anywhere in the image, and in the archives nested in
 * them (fat and shaded jars, {@code WEB-INF/lib}), each as {@code groupId:artifactId} at its
 * version in the {@link OsvEcosystem#MAVEN Maven} repository, with the path of the archive it was
 * read from ({@code app.war!/WEB-INF/lib/x.jar} for a nested one).
 *
 * <p>An archive is identified by each {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} it holds
 * (a shaded jar holds several: each is reported), else by its manifest ({@link ManifestIdentity}).
 * Archives are streamed, never extracted; one beyond its {@link ArchiveLimits} is refused whole
 * with a warning.
 */
public final class JavaArchiveScanner extends LanguageFileScanner {
  private static final List<String> EXTENSIONS =
      List.of(".jar", ".war", ".ear", ".par", ".hpi", ".jpi");
  private static final String MANIFEST = "META-INF/MANIFEST.MF";

  private final ArchiveLimits limits;

  /** A scanner within {@link ArchiveLimits#DEFAULT}. */
  public JavaArchiveScanner() {
    this(ArchiveLimits.DEFAULT);
  }

  /** A scanner within {@code limits}. */
  public JavaArchiveScanner(ArchiveLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public FileFilter files() {
    return JavaArchiveScanner::isArchive;
  }

  @Override
  protected List<FoundPackage> scanFile(FileTree tree, String path) throws IOException {
    Optional<InputStream> opened = tree.open(path);
    if (opened.isEmpty()) {
      return List.of();
    }
    Map<String, ArchiveContents> archives = new LinkedHashMap<>();
    NestedZip walk =
        new NestedZip(limits, JavaArchiveScanner::isMetadata, JavaArchiveScanner::isArchive);
    try (InputStream in = opened.get()) {
      walk.walk(
          in,
          path,
          (archive, name, content) ->
              archives.computeIfAbsent(archive, a -> new ArchiveContents()).add(name, content));
    }
    List<FoundPackage> found = new ArrayList<>();
    for (Map.Entry<String, ArchiveContents> archive : archives.entrySet()) {
      for (Package pkg : archive.getValue().packages()) {
        found.add(new FoundPackage(pkg, archive.getKey(), OsvEcosystem.MAVEN.repository()));
      }
    }
    return found;
  }

  private static boolean isArchive(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  private static boolean isMetadata(String name) {
    return name.equals(MANIFEST) || PomProperties.isPomProperties(name);
  }

  /** The metadata entries of one archive. */
  private static final class ArchiveContents {
    private final List<Package> poms = new ArrayList<>();
    private byte[] manifest;

    void add(String name, byte[] content) throws IOException {
      if (name.equals(MANIFEST)) {
        manifest = content;
      } else {
        PomProperties.parse(content).ifPresent(poms::add);
      }
    }

    List<Package> packages() throws IOException {
      if (!poms.isEmpty()) {
        return poms;
      }
      if (manifest == null) {
        return List.of();
      }
      return ManifestIdentity.of(manifest).stream().toList();
    }
  }
}
