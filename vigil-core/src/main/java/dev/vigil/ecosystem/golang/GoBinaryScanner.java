package dev.vigil.ecosystem.golang;

import dev.vigil.ecosystem.lang.LanguageFileScanner;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Package;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the Go modules compiled into Go programs, from the build info the linker embeds in ELF
 * binaries ({@link BuildInfo}): the main module (unless its version is {@code (devel)}), every
 * {@code dep} (a replaced one as its replacement; one replaced by a local directory, which has no
 * version, is left out) and the standard library as {@code stdlib}. Versions are written as OSV
 * writes them, without the leading {@code v}; the Go version {@code go1.22.1} becomes {@code
 * 1.22.1} and {@code go1.21rc2} becomes {@code 1.21.0-rc.2}. All are in the {@link OsvEcosystem#GO
 * Go} repository.
 *
 * <p>Binaries lie anywhere, so the scanner does not select them by path: its filter wants the
 * executable ELF files (up to {@link FileFilter#MAX_EXECUTABLE_SIZE}) that contain the build info
 * magic, which the indexer checks while the layer streams past.
 */
public final class GoBinaryScanner extends LanguageFileScanner {

  /** The name of the standard library in OSV's Go records. */
  public static final String STDLIB = "stdlib";

  private static final String DEVEL = "(devel)";
  private static final Pattern GO_VERSION =
      Pattern.compile("go(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?");

  @Override
  public String name() {
    return "golang";
  }

  @Override
  public FileFilter files() {
    return FileFilter.executablesContaining(BuildInfo.MAGIC);
  }

  /** Every file of the tree: which of them are Go binaries shows when they are read. */
  @Override
  protected List<String> candidates(FileTree tree) {
    return tree.list("");
  }

  @Override
  protected List<FoundPackage> scanFile(FileTree tree, String path) throws IOException {
    Optional<ElfFile> elf = ElfFile.read(() -> open(tree, path));
    if (elf.isEmpty()) {
      return List.of();
    }
    Optional<BuildInfo> info = BuildInfo.read(elf.get());
    if (info.isEmpty()) {
      return List.of();
    }
    return packages(info.get()).stream()
        .map(pkg -> new FoundPackage(pkg, path, OsvEcosystem.GO.repository()))
        .toList();
  }

  /** The modules and the standard library a build info names. */
  static List<Package> packages(BuildInfo info) {
    List<Package> packages = new ArrayList<>();
    String[] module = null;
    for (String line : info.modules().split("\n")) {
      String[] fields = line.split("\t");
      switch (fields[0]) {
        case "mod", "dep" -> {
          add(packages, module);
          module = fields.length >= 3 ? new String[] {fields[0], fields[1], fields[2]} : null;
        }
        case "=>" -> {
          if (module != null) {
            module = new String[] {module[0], fields[1], fields.length >= 3 ? fields[2] : ""};
          }
        }
        default -> {
          // path, build settings and anything newer are not modules
        }
      }
    }
    add(packages, module);
    stdlibVersion(info.goVersion())
        .ifPresent(v -> packages.add(Package.binary(STDLIB, v, "", null)));
    return packages;
  }

  private static void add(List<Package> packages, String[] module) {
    if (module == null || module[2].isEmpty() || module[2].equals(DEVEL)) {
      return;
    }
    packages.add(Package.binary(module[1], withoutV(module[2]), "", null));
  }

  /**
   * The standard library's version as OSV writes it, from the toolchain's {@code go1.22.1}: empty
   * for development toolchains.
   */
  static Optional<String> stdlibVersion(String goVersion) {
    String first = goVersion.trim().split("\\s+")[0];
    Matcher m = GO_VERSION.matcher(first);
    if (!m.matches()) {
      return Optional.empty();
    }
    String version = m.group(1) + "." + m.group(2) + "." + (m.group(3) == null ? "0" : m.group(3));
    return Optional.of(
        m.group(4) == null ? version : version + "-" + m.group(4) + "." + m.group(5));
  }

  private static String withoutV(String version) {
    return version.startsWith("v") ? version.substring(1) : version;
  }

  private static InputStream open(FileTree tree, String path) throws IOException {
    return tree.open(path).orElseThrow(() -> new IOException("gone from the tree: " + path));
  }
}
