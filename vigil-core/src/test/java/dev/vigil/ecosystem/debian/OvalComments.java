package dev.vigil.ecosystem.debian;

import static dev.vigil.testing.Fixtures.fixture;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** A second reading of the Debian OVAL fixtures, written apart from the updater. */
public final class OvalComments {
  private static final Pattern TITLE = Pattern.compile("<title>(\\S+)");
  private static final Pattern CVE = Pattern.compile("source=\"CVE\" ref_id=\"([^\"]+)\"");
  private static final Pattern COMMENT =
      Pattern.compile("comment=\"(\\S+) DPKG is earlier than ([^\"]+)\"");

  private OvalComments() {}

  /**
   * The (CVE, source package, fixed version) triples of a release, read line by line from the
   * definitions' titles, CVE references and criterion comments ("vim DPKG is earlier than 0"),
   * without the OVAL tests, objects and states the updater resolves. A {@code 0:} epoch is implied
   * in dpkg versions and left out, as the updater does.
   */
  public static Set<String> triples(String release) throws IOException {
    Set<String> triples = new TreeSet<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new BZip2CompressorInputStream(
                    new BufferedInputStream(
                        Files.newInputStream(
                            fixture(
                                "feeds/debian-oval/oval-definitions-" + release + ".xml.bz2")))),
                StandardCharsets.UTF_8))) {
      String title = "";
      List<String> cves = new ArrayList<>();
      List<String[]> fixes = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Matcher m;
        if ((m = TITLE.matcher(line)).find()) {
          title = m.group(1);
        } else if ((m = CVE.matcher(line)).find()) {
          cves.add(m.group(1));
        } else if ((m = COMMENT.matcher(line)).find()) {
          String fixed = m.group(2).startsWith("0:") ? m.group(2).substring(2) : m.group(2);
          fixes.add(new String[] {m.group(1), fixed.equals("0") ? "" : fixed});
        } else if (line.contains("</definition>")) {
          for (String[] fix : fixes) {
            for (String cve : cves.isEmpty() ? List.of(title) : cves) {
              triples.add(cve + " " + fix[0] + " " + fix[1]);
            }
          }
          cves.clear();
          fixes.clear();
        }
      }
    }
    return triples;
  }
}
