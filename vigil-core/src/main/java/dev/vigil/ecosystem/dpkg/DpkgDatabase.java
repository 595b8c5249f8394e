package dev.vigil.ecosystem.dpkg;

import dev.vigil.model.Package;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dpkg database file: {@code var/lib/dpkg/status}, or one file of a distroless {@code
 * var/lib/dpkg/status.d/} directory, and keeps the packages whose current state is {@code
 * installed} (what {@code dpkg-query} shows as {@code ii}, {@code hi}…). Each becomes a binary
 * package with its architecture and its source package: the {@code Source} field's name and
 * parenthesized version, else the package's own name and version, as {@code dpkg-query}'s {@code
 * ${source:Package}} and {@code ${source:Version}} say.
 *
 * <p>The checks dpkg itself makes fail the whole file, so that no partial inventory comes out of a
 * corrupt database: a stanza without a package name, a {@code Status} that is not three known
 * words, a missing or malformed version where dpkg requires one, a malformed {@code Source} field,
 * or the same package and architecture listed twice.
 */
final class DpkgDatabase {
  private static final Set<String> WANTS =
      Set.of("unknown", "install", "hold", "deinstall", "purge");
  private static final Set<String> FLAGS = Set.of("ok", "reinstreq");
  private static final Set<String> STATES =
      Set.of(
          "not-installed",
          "config-files",
          "half-installed",
          "unpacked",
          "half-configured",
          "triggers-awaited",
          "triggers-pending",
          "installed");
  private static final Set<String> UNVERSIONED = Set.of("not-installed", "half-installed");
  private static final Pattern SOURCE = Pattern.compile("(\\S+)(?:\\s+\\(([^)]*)\\).*)?");

  private DpkgDatabase() {}

  /**
   * Lists the installed packages of one database file.
   *
   * @param path the file's path in the image, for messages
   * @param installedWithoutStatus whether a stanza without a {@code Status} field counts as
   *     installed, as in distroless {@code status.d/} files; dpkg's own {@code status} file lists
   *     such stanzas as not installed
   * @throws ScanException when the file is not a well-formed dpkg database
   */
  static List<Package> parse(InputStream in, String path, boolean installedWithoutStatus)
      throws IOException {
    ControlStanzas stanzas = new ControlStanzas(in, path);
    List<Package> packages = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ControlStanzas.Stanza s = stanzas.next(); s != null; s = stanzas.next()) {
      String name = s.get("Package").toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw invalid(path, s, "the stanza has no package name");
      }
      String state = state(path, s, installedWithoutStatus);
      String version = s.get("Version");
      if (!UNVERSIONED.contains(state)) {
        checkVersion(path, s, name, "Version", version);
      }
      if (!state.equals("installed")) {
        continue;
      }
      String arch = s.get("Architecture");
      if (!seen.add(name + ":" + arch)) {
        throw invalid(path, s, "package " + name + ":" + arch + " is listed twice");
      }
      packages.add(Package.binary(name, version, arch, source(path, s, name, version)));
    }
    return List.copyOf(packages);
  }

  /** The current-state word of the stanza's {@code Status} field. */
  private static String state(String path, ControlStanzas.Stanza s, boolean installedByDefault)
      throws ScanException {
    if (!s.has("Status")) {
      return installedByDefault ? "installed" : "not-installed";
    }
    String[] words = s.get("Status").split("\\s+");
    if (words.length != 3
        || !WANTS.contains(words[0])
        || !FLAGS.contains(words[1])
        || !STATES.contains(words[2])) {
      throw invalid(
          path,
          s,
          "package "
              + s.get("Package")
              + " has Status '"
              + s.get("Status")
              + "', not 'want flag state' in dpkg's words");
    }
    return words[2];
  }

  private static Package source(String path, ControlStanzas.Stanza s, String name, String version)
      throws ScanException {
    String field = s.get("Source");
    if (field.isEmpty()) {
      return Package.source(name, version);
    }
    Matcher m = SOURCE.matcher(field);
    if (!m.matches()) {
      throw invalid(path, s, "package " + name + " has a malformed Source field '" + field + "'");
    }
    String sourceVersion = m.group(2) == null ? version : m.group(2).strip();
    checkVersion(path, s, name, "Source", sourceVersion);
    return Package.source(m.group(1), sourceVersion);
  }

  private static void checkVersion(
      String path, ControlStanzas.Stanza s, String name, String field, String version)
      throws ScanException {
    if (version.isEmpty()) {
      throw invalid(path, s, "package " + name + " has no version in its " + field + " field");
    }
    Optional<String> problem = DpkgVersion.problem(version);
    if (problem.isPresent()) {
      throw invalid(
          path,
          s,
          "package "
              + name
              + " has a bad version '"
              + version
              + "' in its "
              + field
              + " field: "
              + problem.get());
    }
  }

  private static ScanException invalid(String path, ControlStanzas.Stanza s, String why) {
    return new ScanException("dpkg: " + path + ": stanza at line " + s.line() + ": " + why);
  }
}
