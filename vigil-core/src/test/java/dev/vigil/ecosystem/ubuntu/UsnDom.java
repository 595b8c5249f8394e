package dev.vigil.ecosystem.ubuntu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A second reading of a USN OVAL file, written apart from the updater: the whole document as a DOM
 * (fine for these small fixtures), each definition's criteria resolved through the dpkginfo tests,
 * objects, constant variables and states by id.
 */
public final class UsnDom {
  private UsnDom() {}

  /** "id package fixed priority" for each CVE (or notice) and binary package a file fixes. */
  public static Set<String> expected(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(file.toFile());
    Map<String, Element> byId = new HashMap<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("id")) {
        byId.put(e.getAttribute("id"), e);
      }
    }
    Set<String> out = new TreeSet<>();
    NodeList definitions = doc.getElementsByTagNameNS("*", "definition");
    for (int i = 0; i < definitions.getLength(); i++) {
      Element definition = (Element) definitions.item(i);
      if (!definition.getAttribute("class").equals("patch")) {
        continue;
      }
      for (String[] fix : fixes(definition, byId)) {
        for (String[] id : ids(definition)) {
          out.add(String.join(" ", id[0], fix[0], fix[1], id[1]));
        }
      }
    }
    return out;
  }

  /** (package, fixed version) for each dpkginfo test the definition's criteria name. */
  private static List<String[]> fixes(Element definition, Map<String, Element> byId) {
    List<String[]> fixes = new ArrayList<>();
    NodeList criteria = definition.getElementsByTagNameNS("*", "criterion");
    for (int i = 0; i < criteria.getLength(); i++) {
      Element test = byId.get(((Element) criteria.item(i)).getAttribute("test_ref"));
      if (test == null || !test.getLocalName().equals("dpkginfo_test")) {
        continue;
      }
      Element object = byId.get(child(test, "object").getAttribute("object_ref"));
      Element state = byId.get(child(test, "state").getAttribute("state_ref"));
      Element variable = byId.get(child(object, "name").getAttribute("var_ref"));
      String evr = child(state, "evr").getTextContent().strip();
      String fixed = evr.startsWith("0:") ? evr.substring(2) : evr;
      NodeList values = variable.getElementsByTagNameNS("*", "value");
      for (int v = 0; v < values.getLength(); v++) {
        fixes.add(new String[] {values.item(v).getTextContent().strip(), fixed});
      }
    }
    return fixes;
  }

  /** (CVE, priority) for each CVE reference, else (notice, notice severity). */
  private static List<String[]> ids(Element definition) {
    Map<String, String> priorities = new HashMap<>();
    NodeList cves = definition.getElementsByTagNameNS("*", "cve");
    for (int i = 0; i < cves.getLength(); i++) {
      Element cve = (Element) cves.item(i);
      String priority =
          cve.hasAttribute("priority")
              ? cve.getAttribute("priority")
              : cve.getAttribute("severity");
      priorities.put(cve.getTextContent().strip(), priority);
    }
    String severity = child(definition, "severity").getTextContent().strip();
    List<String[]> ids = new ArrayList<>();
    String notice = null;
    NodeList references = definition.getElementsByTagNameNS("*", "reference");
    for (int i = 0; i < references.getLength(); i++) {
      Element r = (Element) references.item(i);
      if (r.getAttribute("source").equals("CVE")) {
        String id = r.getAttribute("ref_id");
        ids.add(new String[] {id, priorities.getOrDefault(id, severity)});
      } else if (notice == null && r.getAttribute("source").equals("USN")) {
        notice = r.getAttribute("ref_id");
      }
    }
    if (ids.isEmpty() && notice != null) {
      ids.add(new String[] {notice, severity});
    }
    return ids;
  }

  private static Element child(Element parent, String localName) {
    return (Element) parent.getElementsByTagNameNS("*", localName).item(0);
  }
}
