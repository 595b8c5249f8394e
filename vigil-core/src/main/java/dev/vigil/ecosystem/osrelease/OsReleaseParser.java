package dev.vigil.ecosystem.osrelease;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses os-release(5) text: {@code KEY=value} lines, with blank lines and {@code #} comments
 * ignored. Values may be double-quoted (where {@code \"}, {@code \\}, {@code \$} and {@code \`} are
 * escapes), single-quoted (literal), or bare (where a backslash escapes the next character); an
 * unquoted space ends the value. Lines that are not valid assignments, such as ones with an
 * unterminated quote, are skipped. Later assignments win.
 */
public final class OsReleaseParser {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String DOUBLE_QUOTE_ESCAPES = "\"\\$`";

  private OsReleaseParser() {}

  /** The assignments of {@code text}, in file order. */
  public static Map<String, String> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .forEach(
            line -> {
              int eq = line.indexOf('=');
              if (eq > 0 && KEY.matcher(line.substring(0, eq)).matches()) {
                unquote(line.substring(eq + 1))
                    .ifPresent(v -> fields.put(line.substring(0, eq), v));
              }
            });
    return Collections.unmodifiableMap(fields);
  }

  /** The shell-style value of {@code raw}, or empty when a quote is not closed. */
  static Optional<String> unquote(String raw) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '"' || c == '\'') {
        int close = closingQuote(raw, i + 1, c);
        if (close < 0) {
          return Optional.empty();
        }
        String inner = raw.substring(i + 1, close);
        out.append(c == '"' ? unescape(inner) : inner);
        i = close + 1;
      } else if (c == '\\' && i + 1 < raw.length()) {
        out.append(raw.charAt(i + 1));
        i += 2;
      } else if (Character.isWhitespace(c)) {
        break;
      } else {
        out.append(c);
        i++;
      }
    }
    return Optional.of(out.toString());
  }

  private static int closingQuote(String raw, int from, char quote) {
    for (int i = from; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == quote) {
        return i;
      }
      if (quote == '"' && c == '\\') {
        i++;
      }
    }
    return -1;
  }

  private static String unescape(String quoted) {
    StringBuilder out = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '\\'
          && i + 1 < quoted.length()
          && DOUBLE_QUOTE_ESCAPES.indexOf(quoted.charAt(i + 1)) >= 0) {
        c = quoted.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
