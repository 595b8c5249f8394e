package dev.vigil.cli.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Escaping for the HTML report: everything from an image or a feed goes through here. */
final class Html {
  private Html() {}

  /** {@code text} safe in element content and in double- or single-quoted attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * An escaped {@code <a>} to {@code url} showing {@code label}, or the escaped label alone when
   * the URL is not an absolute http(s) URL (so {@code javascript:} and the like never become
   * links).
   */
  static String link(String url, String label) {
    if (!isWebUrl(url)) {
      return escape(label);
    }
    return "<a href=\""
        + escape(url)
        + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
        + escape(label)
        + "</a>";
  }

  /** The first absolute http(s) URL of {@code urls}, or empty. */
  static String firstWebUrl(List<String> urls) {
    return urls.stream().filter(Html::isWebUrl).findFirst().orElse("");
  }

  private static boolean isWebUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
