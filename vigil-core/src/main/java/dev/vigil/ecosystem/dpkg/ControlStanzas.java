package dev.vigil.ecosystem.dpkg;

import dev.vigil.spi.ScanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Debian control data (deb822), as in dpkg's {@code status} file: stanzas of {@code Field:
 * value} lines separated by empty lines; a line starting with a space or a tab continues the field
 * above it. Field names are case-insensitive; a field may appear once per stanza. Not thread-safe.
 */
final class ControlStanzas {

  /**
   * One stanza.
   *
   * @param line the line number of its first field
   * @param fields its fields by lower-case name; values are trimmed, continuation lines joined with
   *     newlines
   */
  record Stanza(int line, Map<String, String> fields) {

    /** The value of a field, or empty when absent. */
    String get(String name) {
      return fields.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** True when the field is present. */
    boolean has(String name) {
      return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }
  }

  private final BufferedReader reader;
  private final String path;
  private int lineNumber;

  ControlStanzas(InputStream in, String path) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.path = path;
  }

  /**
   * The next stanza, or null at the end.
   *
   * @throws ScanException when a line is neither a field nor a continuation, or a field repeats
   */
  Stanza next() throws IOException {
    Map<String, StringBuilder> fields = new LinkedHashMap<>();
    StringBuilder current = null;
    int first = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isEmpty()) {
        if (!fields.isEmpty()) {
          break;
        }
        continue;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (current == null) {
          throw error("a continuation line comes before any field");
        }
        current.append('\n').append(line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw error("'" + abbreviate(line) + "' is not a 'Field: value' line");
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
        throw error("'" + abbreviate(line) + "' is not a 'Field: value' line");
      }
      if (fields.containsKey(name)) {
        throw error("field '" + line.substring(0, colon) + "' appears twice in one stanza");
      }
      if (fields.isEmpty()) {
        first = lineNumber;
      }
      current = new StringBuilder(line.substring(colon + 1).strip());
      fields.put(name, current);
    }
    if (fields.isEmpty()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach((name, value) -> values.put(name, value.toString().strip()));
    return new Stanza(first, Collections.unmodifiableMap(values));
  }

  private ScanException error(String why) {
    return new ScanException("dpkg: " + path + ": line " + lineNumber + ": " + why);
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 60) + "…";
  }
}
