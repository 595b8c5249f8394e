package dev.vigil.ecosystem.amazon;

import dev.vigil.ecosystem.rpm.RpmSeverity;
import dev.vigil.feed.FeedDates;
import dev.vigil.feed.SafeXml;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an Amazon Linux repository's {@code updateinfo.xml} (the ALAS advisories) as a stream: each
 * {@code security} update becomes a vulnerability per CVE it references (the ALAS id when it
 * references none) and per package name of its {@code pkglist}, fixed in the package's {@code
 * epoch:version-release}. The architecture is not kept: the file is the x86_64 repository's, and
 * Amazon fixes every architecture in the same release. A document with a DOCTYPE, malformed XML or
 * an update without id fails with a {@link ScanException}.
 *
 * <p>Not thread-safe; use one parser per document.
 */
final class UpdateInfoParser {
  private final String name;
  private final AmazonAlas.Release release;
  private final List<Vulnerability> out = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private Update update;

  private UpdateInfoParser(String name, AmazonAlas.Release release) {
    this.name = name;
    this.release = release;
  }

  /**
   * Reads a whole document.
   *
   * @param name the document's name, for messages
   * @param release the release whose repository it describes
   */
  static List<Vulnerability> parse(InputStream in, String name, AmazonAlas.Release release)
      throws IOException {
    return new UpdateInfoParser(name, release).read(in);
  }

  private List<Vulnerability> read(InputStream in) throws IOException {
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.reader(in);
      boolean root = true;
      while (xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.DTD -> throw invalid("DOCTYPE declarations are not allowed");
          case XMLStreamConstants.START_ELEMENT -> {
            if (root && !xml.getLocalName().equals("updates")) {
              throw invalid("the root element is <" + xml.getLocalName() + ">, not <updates>");
            }
            root = false;
            start(xml);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA ->
              text.append(xml.getText());
          case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw new ScanException(prefix() + SafeXml.notWellFormed(e), e);
    } finally {
      SafeXml.close(xml);
    }
    return List.copyOf(out);
  }

  private void start(XMLStreamReader xml) {
    text.setLength(0);
    String local = xml.getLocalName();
    if (local.equals("update")) {
      update = new Update(attribute(xml, "type"));
      return;
    }
    if (update == null) {
      return;
    }
    switch (local) {
      case "issued" -> update.issued = attribute(xml, "date");
      case "reference" -> update.reference(attribute(xml, "id"), attribute(xml, "href"));
      case "package" ->
          update.packages.putIfAbsent(
              attribute(xml, "name"),
              evr(attribute(xml, "epoch"), attribute(xml, "version"), attribute(xml, "release")));
      default -> {}
    }
  }

  private void end(String local) throws ScanException {
    String value = text.toString().strip();
    text.setLength(0);
    if (update == null) {
      return;
    }
    switch (local) {
      case "id" -> update.id = value;
      case "severity" -> update.severity = value;
      case "description" -> update.description = value;
      case "update" -> {
        emit(update);
        update = null;
      }
      default -> {}
    }
  }

  private void emit(Update u) throws ScanException {
    if (u.id.isEmpty()) {
      throw invalid("an update has no <id>");
    }
    if (!u.type.isEmpty() && !u.type.equals("security")) {
      return;
    }
    Distribution distribution = release.distribution();
    List<String> names = u.cves.isEmpty() ? List.of(u.id) : List.copyOf(u.cves);
    String links = String.join(" ", advisoryLinks(u));
    for (Map.Entry<String, String> pkg : u.packages.entrySet()) {
      if (pkg.getKey().isEmpty() || pkg.getValue().isEmpty()) {
        throw invalid(u.id + ": a package has no name or version");
      }
      for (String cve : names) {
        out.add(
            new Vulnerability(
                "",
                AmazonAlas.NAME,
                cve,
                u.description,
                FeedDates.day(u.issued),
                links,
                u.severity,
                RpmSeverity.of(u.severity),
                Package.binary(pkg.getKey(), "", "", null),
                distribution,
                null,
                pkg.getValue(),
                ""));
      }
    }
  }

  private Set<String> advisoryLinks(Update u) {
    Set<String> links = new LinkedHashSet<>();
    links.add(release.advisoryUrl(u.id));
    links.addAll(u.hrefs);
    return links;
  }

  private static String evr(String epoch, String version, String releasePart) {
    if (version.isEmpty() || releasePart.isEmpty()) {
      return "";
    }
    return (epoch.isEmpty() ? "0" : epoch) + ":" + version + "-" + releasePart;
  }

  private String prefix() {
    return "amazon: " + name + ": ";
  }

  private ScanException invalid(String why) {
    return new ScanException(prefix() + why);
  }

  private static String attribute(XMLStreamReader xml, String local) {
    String value = xml.getAttributeValue(null, local);
    return value == null ? "" : value.strip();
  }

  /** An update being read. */
  private static final class Update {
    final String type;
    final Set<String> cves = new LinkedHashSet<>();
    final Set<String> hrefs = new LinkedHashSet<>();
    final Map<String, String> packages = new LinkedHashMap<>();
    String id = "";
    String severity = "";
    String description = "";
    String issued = "";

    Update(String type) {
      this.type = type;
    }

    void reference(String refId, String href) {
      if (refId.startsWith("CVE-")) {
        cves.add(refId);
      }
      if (href.startsWith("http")) {
        hrefs.add(href);
      }
    }
  }
}
