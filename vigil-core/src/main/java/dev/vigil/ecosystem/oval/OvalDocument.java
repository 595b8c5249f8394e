package dev.vigil.ecosystem.oval;

import java.util.List;
import java.util.Map;

/**
 * An OVAL definitions document (OVAL 5), reduced to what vulnerability feeds use: the definitions
 * with their metadata and the tests their criteria name, and the tests, objects, states and
 * constant variables by id. Elements are matched by local name, whatever namespace prefix a
 * publisher uses.
 *
 * @param definitions the definitions, in document order
 * @param tests the tests by id
 * @param objects the objects by id
 * @param states the states by id
 * @param variables the values of each {@code constant_variable}, by id
 */
public record OvalDocument(
    List<Definition> definitions,
    Map<String, Test> tests,
    Map<String, OvalObject> objects,
    Map<String, State> states,
    Map<String, List<String>> variables) {

  /** Keeps unmodifiable copies. */
  public OvalDocument {
    definitions = List.copyOf(definitions);
    tests = Map.copyOf(tests);
    objects = Map.copyOf(objects);
    states = Map.copyOf(states);
    variables = Map.copyOf(variables);
  }

  /**
   * One definition.
   *
   * @param id its id
   * @param definitionClass its {@code class}: {@code vulnerability}, {@code patch}, {@code
   *     inventory}…
   * @param title the metadata title
   * @param description the metadata description
   * @param platforms the {@code affected/platform} names
   * @param references the metadata references
   * @param severity the {@code advisory/severity} (or {@code metadata/severity}) text, or empty
   * @param issued the {@code advisory/issued} date, or empty
   * @param cves the {@code advisory/cve} elements
   * @param criteria every criterion of the criteria tree, depth first
   * @param tree the criteria tree itself, or null when the definition has none
   */
  public record Definition(
      String id,
      String definitionClass,
      String title,
      String description,
      List<String> platforms,
      List<Reference> references,
      String severity,
      String issued,
      List<AdvisoryCve> cves,
      List<Criterion> criteria,
      Criteria tree) {}

  /**
   * A {@code criteria} element: its operator applied to its criteria and criterions.
   *
   * @param operator its {@code operator}: {@code AND} (the default), {@code OR}, {@code ONE} or
   *     {@code XOR}
   * @param negate whether its result is negated
   * @param children its {@code criteria} children, in document order
   * @param criterions its {@code criterion} children, in document order
   */
  public record Criteria(
      String operator, boolean negate, List<Criteria> children, List<Criterion> criterions) {

    /** Keeps unmodifiable copies. */
    public Criteria {
      children = List.copyOf(children);
      criterions = List.copyOf(criterions);
    }
  }

  /**
   * A metadata reference, e.g. source {@code CVE}, id {@code CVE-2022-40023}.
   *
   * @param source the reference's source
   * @param refId its id
   * @param refUrl its URL, or empty
   */
  public record Reference(String source, String refId, String refUrl) {}

  /**
   * An {@code advisory/cve} element.
   *
   * @param id its text, the CVE id
   * @param attributes its attributes by local name (e.g. {@code severity}, {@code href})
   */
  public record AdvisoryCve(String id, Map<String, String> attributes) {}

  /**
   * A criterion.
   *
   * @param testRef the test it names
   * @param comment its comment, or empty
   * @param negate whether its result is negated
   */
  public record Criterion(String testRef, String comment, boolean negate) {}

  /**
   * A test.
   *
   * @param id its id
   * @param kind its element's local name, e.g. {@code dpkginfo_test}
   * @param objectRef the object it checks
   * @param stateRefs the states it checks the object against, possibly none
   * @param comment its comment, or empty
   * @param check its {@code check}, e.g. {@code at least one}, {@code none satisfy}, or empty
   */
  public record Test(
      String id,
      String kind,
      String objectRef,
      List<String> stateRefs,
      String comment,
      String check) {}

  /**
   * An object.
   *
   * @param id its id
   * @param kind its element's local name, e.g. {@code dpkginfo_object}
   * @param name its {@code name} child's text, or empty
   * @param nameVarRef the variable its {@code name} child refers to instead, or empty
   */
  public record OvalObject(String id, String kind, String name, String nameVarRef) {}

  /**
   * A state.
   *
   * @param id its id
   * @param kind its element's local name, e.g. {@code dpkginfo_state}
   * @param fields its child elements by local name, e.g. {@code evr}
   */
  public record State(String id, String kind, Map<String, Field> fields) {}

  /**
   * A state's field.
   *
   * @param operation its {@code operation}, e.g. {@code less than}; {@code equals} when absent
   * @param datatype its {@code datatype}, e.g. {@code debian_evr_string}, or empty
   * @param value its text
   */
  public record Field(String operation, String datatype, String value) {}
}
