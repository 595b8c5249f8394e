package dev.vigil.feed;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming (StAX) readers for feed XML that never resolve a DTD or an external entity. Readers
 * still report a DOCTYPE as an event; callers refuse the document when they see one, before any
 * entity is declared, so neither external entities (XXE) nor entity expansion (billion laughs)
 * happen.
 */
public final class SafeXml {
  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  /** A reader of {@code in}; the caller closes {@code in}. */
  public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    return FACTORY.createXMLStreamReader(in);
  }

  /** The one-line reason of a parse failure, e.g. {@code not well-formed XML: ParseError at …}. */
  public static String notWellFormed(XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return "not well-formed XML: " + message.replaceAll("\\s+", " ").strip();
  }

  /** Closes a reader, ignoring failures: closing releases nothing the caller holds. */
  public static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // the caller closes the underlying stream
      }
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }
}
