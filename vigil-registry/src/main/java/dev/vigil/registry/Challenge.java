package dev.vigil.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header (RFC 7235), such as {@code
 * Bearer realm="https://auth.example/token",service="registry",scope="repository:app:pull"}.
 *
 * @param scheme the scheme in lower case: {@code basic} or {@code bearer}
 * @param params the parameters, names in lower case, values unquoted
 */
record Challenge(String scheme, Map<String, String> params) {

  /** Copies the parameters. */
  Challenge {
    params = Map.copyOf(params);
  }

  /** The parameter of that name (lower case), if present. */
  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** True for the scheme of that name, ignoring case. */
  boolean is(String name) {
    return scheme.equalsIgnoreCase(name);
  }

  /** Parses every challenge of the given header values; unparseable parts are skipped. */
  static List<Challenge> parse(List<String> headers) {
    List<Challenge> challenges = new ArrayList<>();
    for (String header : headers) {
      new Parser(header).parseInto(challenges);
    }
    return challenges;
  }

  /** A small tokenizer for {@code scheme param=value, param="quoted", scheme2 …}. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    void parseInto(List<Challenge> out) {
      String scheme = null;
      Map<String, String> params = new LinkedHashMap<>();
      while (skipSeparators()) {
        String token = token();
        if (token.isEmpty()) {
          pos++;
          continue;
        }
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '=' && scheme != null) {
          pos++;
          skipSpaces();
          params.put(token.toLowerCase(Locale.ROOT), value());
        } else {
          if (scheme != null) {
            out.add(new Challenge(scheme, params));
          }
          scheme = token.toLowerCase(Locale.ROOT);
          params = new LinkedHashMap<>();
        }
      }
      if (scheme != null) {
        out.add(new Challenge(scheme, params));
      }
    }

    private boolean skipSeparators() {
      while (pos < text.length() && (text.charAt(pos) == ',' || text.charAt(pos) == ' ')) {
        pos++;
      }
      return pos < text.length();
    }

    private void skipSpaces() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private String token() {
      int start = pos;
      while (pos < text.length() && "=, \"".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private String value() {
      if (pos >= text.length() || text.charAt(pos) != '"') {
        return token();
      }
      StringBuilder value = new StringBuilder();
      for (pos++; pos < text.length() && text.charAt(pos) != '"'; pos++) {
        char c = text.charAt(pos);
        if (c == '\\' && pos + 1 < text.length()) {
          c = text.charAt(++pos);
        }
        value.append(c);
      }
      pos++;
      return value.toString();
    }
  }
}
