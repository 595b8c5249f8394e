package dev.vigil.cli.klar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bordered text table klar prints (its table library with left alignment, a line under every
 * row, headers upper-cased): cells wrapped to 30 columns unless a word is longer, colour codes not
 * counted in widths.
 */
final class TextTable {
  private static final int MAX_WIDTH = 30;
  private static final Pattern ANSI =
      Pattern.compile("\033\\[(?:[0-9]{1,3}(?:;[0-9]{1,3})*)?[m|K]");

  private final List<List<String>> header = new ArrayList<>();
  private final List<List<List<String>>> rows = new ArrayList<>();
  private final Map<Integer, Integer> widths = new HashMap<>();

  /** A table with these column headers. */
  TextTable(List<String> headers) {
    for (int i = 0; i < headers.size(); i++) {
      header.add(cell(headers.get(i), i));
    }
  }

  /** Appends a row. */
  void add(List<String> row) {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      cells.add(cell(row.get(i), i));
    }
    rows.add(cells);
  }

  /** The rendered table. */
  String render() {
    StringBuilder out = new StringBuilder();
    line(out);
    int height = header.stream().mapToInt(List::size).max().orElse(0);
    for (int x = 0; x < height; x++) {
      out.append('|');
      for (int y = 0; y < widths.size(); y++) {
        String h = y < header.size() && x < header.get(y).size() ? header.get(y).get(x) : "";
        out.append(' ').append(padRight(h.toUpperCase(Locale.ROOT), widths.get(y))).append(" |");
      }
      out.append('\n');
    }
    line(out);
    for (List<List<String>> row : rows) {
      int rowHeight = row.stream().mapToInt(List::size).max().orElse(0);
      for (int x = 0; x < rowHeight; x++) {
        for (int y = 0; y < row.size(); y++) {
          List<String> cell = row.get(y);
          out.append("| ").append(padRight(x < cell.size() ? cell.get(x) : "  ", widths.get(y)));
          out.append(' ');
        }
        out.append("|\n");
      }
      line(out);
    }
    return out.toString();
  }

  /** The display width of {@code text}: its code points, colour codes excluded. */
  static int width(String text) {
    String plain = ANSI.matcher(text).replaceAll("");
    return plain.codePointCount(0, plain.length());
  }

  /** Splits a cell into its wrapped lines and widens its column to fit them. */
  private List<String> cell(String text, int column) {
    String[] paragraphs = text.split("\n", -1);
    int max = 0;
    for (String p : paragraphs) {
      max = Math.max(max, width(p));
    }
    max = Math.min(max, MAX_WIDTH);
    List<String> lines = WordWrap.wrap(String.join(" ", paragraphs), max);
    for (String line : lines) {
      max = Math.max(max, width(line));
    }
    if (widths.getOrDefault(column, 0) < max || !widths.containsKey(column)) {
      widths.put(column, max);
    }
    return lines;
  }

  private void line(StringBuilder out) {
    out.append('+');
    for (int y = 0; y < widths.size(); y++) {
      out.append("-".repeat(widths.get(y) + 2)).append('+');
    }
    out.append('\n');
  }

  private static String padRight(String text, int width) {
    return text + " ".repeat(Math.max(0, width - width(text)));
  }
}
