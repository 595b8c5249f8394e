package dev.vigil.ecosystem.amazon;

import dev.vigil.feed.SafeXml;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A yum repository's {@code repodata/repomd.xml}, read for the location of one of its data files.
 */
final class RepoMd {

  private RepoMd() {}

  /**
   * The {@code location href} of the data of {@code type}, e.g. {@code
   * repodata/1a2b…-updateinfo.xml.gz}.
   *
   * @param name the document's name, for messages
   * @throws ScanException when the document is malformed, declares a DOCTYPE or has no such data
   */
  static String location(InputStream in, String name, String type) throws IOException {
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.reader(in);
      boolean inType = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          throw new ScanException("amazon: " + name + ": DOCTYPE declarations are not allowed");
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (xml.getLocalName().equals("data")) {
          inType = type.equals(xml.getAttributeValue(null, "type"));
        } else if (inType && xml.getLocalName().equals("location")) {
          String href = xml.getAttributeValue(null, "href");
          if (href != null && !href.isBlank()) {
            return href.strip();
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new ScanException("amazon: " + name + ": " + SafeXml.notWellFormed(e), e);
    } finally {
      SafeXml.close(xml);
    }
    throw new ScanException("amazon: " + name + ": no " + type + " data");
  }
}
