package dev.vigil.ecosystem.apk;

import dev.vigil.model.Package;
import dev.vigil.spi.ScanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads apk's installed database ({@code lib/apk/db/installed}): stanzas of {@code X:value} lines
 * separated by blank lines, one stanza per package. Only the name ({@code P}), version ({@code V}),
 * architecture ({@code A}) and origin ({@code o}) are kept.
 */
final class ApkDatabase {

  /**
   * What a database held.
   *
   * @param packages the installed packages, in database order
   * @param skipped how many stanzas lacked a name or a version
   */
  record Contents(List<Package> packages, int skipped) {}

  private ApkDatabase() {}

  /**
   * Parses a database.
   *
   * @throws ScanException when a line is not an {@code X:value} field
   */
  static Contents parse(InputStream in, String path) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Package> packages = new ArrayList<>();
    Map<Character, String> stanza = new HashMap<>();
    int stanzas = 0;
    int lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isEmpty()) {
        stanzas += endStanza(stanza, packages);
      } else if (line.length() < 2 || line.charAt(1) != ':') {
        throw new ScanException("apk: " + path + ": line " + lineNumber + " is not a field");
      } else {
        stanza.putIfAbsent(line.charAt(0), line.substring(2));
      }
    }
    stanzas += endStanza(stanza, packages);
    return new Contents(List.copyOf(packages), stanzas - packages.size());
  }

  /** Adds the stanza's package, if complete, and clears it; returns 1 if a stanza ended. */
  private static int endStanza(Map<Character, String> stanza, List<Package> packages) {
    if (stanza.isEmpty()) {
      return 0;
    }
    Package pkg = toPackage(stanza);
    if (pkg != null) {
      packages.add(pkg);
    }
    stanza.clear();
    return 1;
  }

  /** The stanza's package, or null when it has no name or no version. */
  private static Package toPackage(Map<Character, String> stanza) {
    String name = stanza.getOrDefault('P', "");
    String version = stanza.getOrDefault('V', "");
    if (name.isEmpty() || version.isEmpty()) {
      return null;
    }
    String origin = stanza.getOrDefault('o', "");
    Package source = origin.isEmpty() ? null : Package.source(origin, version);
    return Package.binary(name, version, stanza.getOrDefault('A', ""), source);
  }
}
