package dev.vigil.ecosystem.osrelease;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CPE name in the CPE 2.3 formatted-string binding ({@code cpe:2.3:part:vendor:product:…}, 11
 * attributes), as {@code Distribution.cpe} carries it. Distributions write CPE 2.2 URIs in
 * os-release's {@code CPE_NAME} ({@code cpe:/o:redhat:enterprise_linux:9::baseos}) and sometimes a
 * shortened 2.3 string ({@code cpe:2.3:o:amazon:amazon_linux:2}); both are rewritten as full 2.3
 * strings, following NISTIR 7695: an empty URI attribute is ANY ({@code *}), {@code -} is NA,
 * percent-encoded characters are decoded, the packed {@code ~} edition is unpacked, and characters
 * other than letters, digits, {@code _}, {@code .} and {@code -} are quoted with a backslash. CPE
 * names compare case-insensitively; they are written in lower case, as NVD writes them.
 *
 * @param attributes the 11 attributes, part first, each already bound for the formatted string
 */
public record Cpe(List<String> attributes) {
  private static final int ATTRIBUTES = 11;
  private static final String URI_PREFIX = "cpe:/";
  private static final String FS_PREFIX = "cpe:2.3:";

  /** Copies the attributes. */
  public Cpe {
    attributes = List.copyOf(attributes);
  }

  /**
   * Parses a CPE 2.2 URI or a CPE 2.3 formatted string, shortened ones included.
   *
   * @return the name, or empty when {@code text} is neither
   */
  public static Optional<Cpe> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String lower = text.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith(FS_PREFIX)) {
      return fromFormattedString(lower.substring(FS_PREFIX.length()));
    }
    if (lower.startsWith(URI_PREFIX)) {
      return fromUri(lower.substring(URI_PREFIX.length()));
    }
    return Optional.empty();
  }

  /** The CPE 2.3 string of {@code text}, or {@code ""} when it is not a CPE name. */
  public static String normalize(String text) {
    return parse(text).map(Cpe::toString).orElse("");
  }

  /** The attribute at {@code index}: 0 part, 1 vendor, 2 product, 3 version, 4 update… */
  public String attribute(int index) {
    return attributes.get(index);
  }

  /** The formatted string, {@code cpe:2.3:} followed by the 11 attributes. */
  @Override
  public String toString() {
    return FS_PREFIX + String.join(":", attributes);
  }

  private static Optional<Cpe> fromFormattedString(String body) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        current.append(c).append(body.charAt(++i));
      } else if (c == ':') {
        values.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    values.add(current.toString());
    if (values.size() > ATTRIBUTES || values.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(padded(values));
  }

  private static Optional<Cpe> fromUri(String body) {
    String[] parts = body.split(":", -1);
    if (parts.length > 7) {
      return Optional.empty();
    }
    String[] values = new String[ATTRIBUTES];
    Arrays.fill(values, "*");
    for (int i = 0; i < parts.length; i++) {
      if (i == 5 && parts[i].startsWith("~")) {
        // the packed edition: ~edition~sw_edition~target_sw~target_hw~other
        String[] packed = parts[i].split("~", -1);
        if (packed.length != 6) {
          return Optional.empty();
        }
        values[5] = decode(packed[1]);
        for (int k = 2; k < packed.length; k++) {
          values[5 + k] = decode(packed[k]);
        }
      } else {
        values[i] = decode(parts[i]);
      }
    }
    List<String> all = Arrays.asList(values);
    return all.contains(null) ? Optional.empty() : Optional.of(new Cpe(all));
  }

  /** A URI attribute bound for the formatted string, or null when it is badly encoded. */
  private static String decode(String value) {
    if (value.isEmpty()) {
      return "*";
    }
    if (value.equals("-")) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          return null;
        }
        try {
          c = (char) Integer.parseInt(value.substring(i + 1, i + 3), 16);
        } catch (NumberFormatException e) {
          return null;
        }
        i += 2;
      }
      boolean plain =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
      if (!plain) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static Cpe padded(List<String> values) {
    List<String> all = new ArrayList<>(values);
    while (all.size() < ATTRIBUTES) {
      all.add("*");
    }
    return new Cpe(all);
  }
}
