package dev.vigil.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the links of an HTML directory index page (nginx, Apache or S3 style listings). */
final class HtmlIndex {
  private static final Pattern HREF =
      Pattern.compile(
          "<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private HtmlIndex() {}

  /**
   * The relative links of the page in order, without duplicates: absolute URLs, absolute paths,
   * parent links and query or fragment links are left out.
   */
  static List<String> relativeLinks(String html) {
    Set<String> links = new LinkedHashSet<>();
    Matcher m = HREF.matcher(html);
    while (m.find()) {
      String href = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      href = href.trim().replace("&amp;", "&");
      if (isRelativeChild(href)) {
        links.add(href.startsWith("./") ? href.substring(2) : href);
      }
    }
    return new ArrayList<>(links);
  }

  private static boolean isRelativeChild(String href) {
    return !href.isEmpty()
        && !href.equals("./")
        && !href.startsWith("/")
        && !href.startsWith("?")
        && !href.startsWith("#")
        && !href.startsWith("..")
        && !SCHEME.matcher(href).find();
  }
}
