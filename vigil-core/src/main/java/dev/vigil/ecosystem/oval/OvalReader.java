package dev.vigil.ecosystem.oval;

import dev.vigil.feed.SafeXml;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OVAL definitions document as a stream (StAX), keeping only what {@link OvalDocument}
 * holds, so that memory follows the definitions and not the size of the XML. Tests, objects and
 * states are known by their element's name ({@code rpminfo_state}…), not by the section around
 * them, which some files name otherwise ({@code <state>} for {@code <states>}).
 *
 * <p>Hostile XML is refused: a document with a DOCTYPE declaration fails before any entity is
 * declared, so external entities (XXE) and entity expansion (billion laughs) never happen, and
 * malformed XML fails with its line and column. Not thread-safe; use one reader per document.
 */
public final class OvalReader {
  private final String name;
  private final Deque<String> path = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder();
  private final List<OvalDocument.Definition> definitions = new ArrayList<>();
  private final Map<String, OvalDocument.Test> tests = new HashMap<>();
  private final Map<String, OvalDocument.OvalObject> objects = new HashMap<>();
  private final Map<String, OvalDocument.State> states = new HashMap<>();
  private final Map<String, List<String>> variables = new HashMap<>();
  private DefinitionBuilder definition;
  private ItemBuilder item;
  private List<String> values;
  private Map<String, String> pending = Map.of();

  private OvalReader(String name) {
    this.name = name;
  }

  /**
   * Reads a whole document.
   *
   * @param name the document's name, for messages
   * @throws ScanException when the document is not well-formed XML, declares a DOCTYPE, or is not
   *     an OVAL definitions document
   */
  public static OvalDocument read(InputStream in, String name) throws IOException {
    return new OvalReader(name).parse(in);
  }

  private OvalDocument parse(InputStream in) throws IOException {
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.reader(in);
      while (xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.DTD -> throw invalid("DOCTYPE declarations are not allowed");
          case XMLStreamConstants.START_ELEMENT -> start(xml);
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA ->
              text.append(xml.getText());
          case XMLStreamConstants.END_ELEMENT -> end();
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw invalid(SafeXml.notWellFormed(e), e);
    } finally {
      SafeXml.close(xml);
    }
    return new OvalDocument(definitions, tests, objects, states, variables);
  }

  private void start(XMLStreamReader xml) throws ScanException {
    String local = xml.getLocalName();
    if (path.isEmpty() && !local.equals("oval_definitions")) {
      throw invalid("the root element is <" + local + ">, not <oval_definitions>");
    }
    String section = section();
    path.push(local);
    text.setLength(0);
    int depth = path.size();
    if (section.equals("definitions")) {
      startInDefinitions(xml, local, depth);
    } else if (depth == 3 && !itemSection(local).isEmpty()) {
      item =
          new ItemBuilder(
              itemSection(local), local, attribute(xml, "id"), attribute(xml, "comment"));
      item.check = attribute(xml, "check");
    } else if (depth == 4 && item != null) {
      startInItem(xml, local);
    } else if (section.equals("variables") && depth == 3 && local.equals("constant_variable")) {
      values = variables.computeIfAbsent(attribute(xml, "id"), k -> new ArrayList<>());
    }
  }

  private void startInItem(XMLStreamReader xml, String local) {
    switch (item.section) {
      case "tests" -> {
        if (local.equals("object")) {
          item.objectRef = attribute(xml, "object_ref");
        } else if (local.equals("state")) {
          item.stateRefs.add(attribute(xml, "state_ref"));
        }
      }
      case "objects" -> {
        if (local.equals("name")) {
          item.nameVarRef = attribute(xml, "var_ref");
        }
      }
      default ->
          pending =
              Map.of(
                  "operation", attribute(xml, "operation"),
                  "datatype", attribute(xml, "datatype"));
    }
  }

  private void startInDefinitions(XMLStreamReader xml, String local, int depth) {
    if (depth == 3 && local.equals("definition")) {
      definition = new DefinitionBuilder(attribute(xml, "id"), attribute(xml, "class"));
    }
    if (definition == null) {
      return;
    }
    switch (local) {
      case "reference" ->
          definition.references.add(
              new OvalDocument.Reference(
                  attribute(xml, "source"), attribute(xml, "ref_id"), attribute(xml, "ref_url")));
      case "criteria" ->
          definition.openCriteria(
              attribute(xml, "operator"), "true".equals(attribute(xml, "negate")));
      case "criterion" ->
          definition.criterion(
              new OvalDocument.Criterion(
                  attribute(xml, "test_ref"),
                  attribute(xml, "comment"),
                  "true".equals(attribute(xml, "negate"))));
      case "issued" -> definition.issued = attribute(xml, "date");
      case "cve" -> pending = attributes(xml);
      default -> {}
    }
  }

  private void end() {
    String local = path.pop();
    String parent = path.isEmpty() ? "" : path.peek();
    String value = text.toString().strip();
    text.setLength(0);
    int depth = path.size() + 1;
    if (definition != null) {
      endInDefinition(local, parent, value, depth);
    } else if (item != null && depth == 4) {
      if (item.section.equals("objects") && local.equals("name")) {
        item.name = value;
      } else if (item.section.equals("states")) {
        String operation = pending.getOrDefault("operation", "");
        item.fields.put(
            local,
            new OvalDocument.Field(
                operation.isEmpty() ? "equals" : operation,
                pending.getOrDefault("datatype", ""),
                value));
      }
    } else if (item != null && depth == 3) {
      item.addTo(this);
      item = null;
    } else if (values != null && local.equals("value")) {
      values.add(value);
    } else if (local.equals("constant_variable")) {
      values = null;
    }
  }

  private void endInDefinition(String local, String parent, String value, int depth) {
    switch (local) {
      case "title" -> definition.title = parent.equals("metadata") ? value : definition.title;
      case "description" ->
          definition.description = parent.equals("metadata") ? value : definition.description;
      case "platform" -> definition.platforms.add(value);
      case "severity" ->
          definition.severity =
              parent.equals("advisory") || parent.equals("metadata") ? value : definition.severity;
      case "cve" -> definition.cves.add(new OvalDocument.AdvisoryCve(value, pending));
      case "criteria" -> definition.closeCriteria();
      case "definition" -> {
        if (depth == 3) {
          definitions.add(definition.build());
          definition = null;
        }
      }
      default -> {}
    }
  }

  /**
   * The section a test, object or state belongs in, by its element's name ({@code rpminfo_state} is
   * a state), whatever the section holding it is called; empty for other elements.
   */
  private static String itemSection(String local) {
    for (String kind : List.of("test", "object", "state")) {
      if (local.endsWith("_" + kind)) {
        return kind + "s";
      }
    }
    return "";
  }

  /** The section (child of the root) the parser is in, or empty at the root. */
  private String section() {
    if (path.size() < 2) {
      return "";
    }
    Iterator<String> fromRoot = path.descendingIterator();
    fromRoot.next();
    return fromRoot.next();
  }

  private ScanException invalid(String why) {
    return new ScanException("oval: " + name + ": " + why);
  }

  private ScanException invalid(String why, Throwable cause) {
    return new ScanException("oval: " + name + ": " + why, cause);
  }

  private static String attribute(XMLStreamReader xml, String local) {
    String value = xml.getAttributeValue(null, local);
    return value == null ? "" : value.strip();
  }

  private static Map<String, String> attributes(XMLStreamReader xml) {
    Map<String, String> all = new LinkedHashMap<>();
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      all.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
    return all;
  }

  /** A test, object or state being read. */
  private static final class ItemBuilder {
    final String section;
    final String kind;
    final String id;
    final String comment;
    final List<String> stateRefs = new ArrayList<>();
    final Map<String, OvalDocument.Field> fields = new LinkedHashMap<>();
    String objectRef = "";
    String name = "";
    String nameVarRef = "";
    String check = "";

    ItemBuilder(String section, String kind, String id, String comment) {
      this.section = section;
      this.kind = kind;
      this.id = id;
      this.comment = comment;
    }

    void addTo(OvalReader reader) {
      switch (section) {
        case "tests" ->
            reader.tests.put(
                id,
                new OvalDocument.Test(id, kind, objectRef, List.copyOf(stateRefs), comment, check));
        case "objects" ->
            reader.objects.put(id, new OvalDocument.OvalObject(id, kind, name, nameVarRef));
        default -> reader.states.put(id, new OvalDocument.State(id, kind, Map.copyOf(fields)));
      }
    }
  }
}
