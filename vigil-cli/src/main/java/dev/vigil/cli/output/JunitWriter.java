package dev.vigil.cli.output;

import dev.vigil.cli.policy.Finding;
import dev.vigil.cli.policy.Suppressed;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers read it: one {@code testsuite} for the scanned image, one failing {@code
 * testcase} per shown finding (class name: the package and version; name: severity and
 * vulnerability), and a skipped test case per suppressed finding when those are asked for. A clean
 * image gives an empty suite that passes.
 */
final class JunitWriter implements ReportWriter {

  @Override
  public void write(ScanResult result, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      int tests = result.shown().size() + result.suppressed().size();
      String failures = String.valueOf(result.shown().size());
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "vigil");
      xml.writeAttribute("tests", String.valueOf(tests));
      xml.writeAttribute("failures", failures);
      newline(xml, 1);
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", result.name());
      xml.writeAttribute("tests", String.valueOf(tests));
      xml.writeAttribute("failures", failures);
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", String.valueOf(result.suppressed().size()));
      xml.writeAttribute(
          "timestamp",
          DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
              LocalDateTime.ofInstant(result.time(), ZoneOffset.UTC)
                  .truncatedTo(ChronoUnit.SECONDS)));
      for (Finding f : result.shown()) {
        newline(xml, 2);
        startCase(xml, f);
        newline(xml, 3);
        xml.writeStartElement("failure");
        xml.writeAttribute("type", f.severity().upper());
        xml.writeAttribute("message", Describe.summary(f));
        xml.writeCharacters(details(f));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
      }
      for (Suppressed s : result.suppressed()) {
        newline(xml, 2);
        startCase(xml, s.finding());
        newline(xml, 3);
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", s.source().label() + ": " + s.status() + " " + s.reason());
        newline(xml, 2);
        xml.writeEndElement();
      }
      newline(xml, 1);
      xml.writeEndElement();
      newline(xml, 0);
      xml.writeEndElement();
      newline(xml, 0);
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("junit: " + e.getMessage(), e);
    }
  }

  private static void startCase(XMLStreamWriter xml, Finding f) throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", f.pkg().name() + "-" + f.pkg().version());
    xml.writeAttribute("name", "[" + f.severity().upper() + "] " + f.name());
  }

  private static String details(Finding f) {
    StringBuilder text = new StringBuilder(Describe.description(f.vulnerability()));
    text.append("\nPackage: ").append(f.purl());
    Describe.links(f.vulnerability()).forEach(link -> text.append('\n').append(link));
    return text.toString();
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
