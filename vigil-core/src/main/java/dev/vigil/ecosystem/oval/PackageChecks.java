package dev.vigil.ecosystem.oval;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the package checks of OVAL definitions: each criterion whose test is a package test
 * ({@code dpkginfo_test}, {@code rpminfo_test}…) with the package names its object names (its
 * {@code name}, or the values of the constant variable it refers to) and the state it checks them
 * against, if any. Criteria naming other tests (release files, kernels, architectures) are not
 * package checks; references that lead nowhere are counted as unresolved.
 */
public final class PackageChecks {
  private static final String PACKAGE_TEST_SUFFIX = "info_test";

  private PackageChecks() {}

  /**
   * One package check.
   *
   * @param criterion the criterion naming the test
   * @param testKind the test's kind, e.g. {@code dpkginfo_test}
   * @param names the packages the test checks
   * @param state the state they are checked against, or null when the test checks existence only
   */
  public record Check(
      OvalDocument.Criterion criterion,
      String testKind,
      List<String> names,
      OvalDocument.State state) {

    /**
     * The state's field, e.g. {@code evr}, or null when the check has no state or no such field.
     */
    public OvalDocument.Field field(String name) {
      return state == null ? null : state.fields().get(name);
    }
  }

  /**
   * What a definition's criteria resolve to.
   *
   * @param checks the package checks, in criteria order
   * @param unresolved how many package tests named an object, variable or state that is missing, or
   *     a test that is missing
   */
  public record Resolution(List<Check> checks, int unresolved) {}

  /** Resolves the package checks of one definition. */
  public static Resolution of(OvalDocument document, OvalDocument.Definition definition) {
    List<Check> checks = new ArrayList<>();
    int unresolved = 0;
    for (OvalDocument.Criterion criterion : definition.criteria()) {
      OvalDocument.Test test = document.tests().get(criterion.testRef());
      if (test == null) {
        unresolved++;
        continue;
      }
      if (!test.kind().endsWith(PACKAGE_TEST_SUFFIX)) {
        continue;
      }
      List<String> names = names(document, document.objects().get(test.objectRef()));
      OvalDocument.State state =
          test.stateRefs().isEmpty() ? null : document.states().get(test.stateRefs().get(0));
      if (names.isEmpty() || (!test.stateRefs().isEmpty() && state == null)) {
        unresolved++;
        continue;
      }
      checks.add(new Check(criterion, test.kind(), names, state));
    }
    return new Resolution(List.copyOf(checks), unresolved);
  }

  /** The package names {@code object} checks: its {@code name}, or its variable's values. */
  static List<String> names(OvalDocument document, OvalDocument.OvalObject object) {
    if (object == null) {
      return List.of();
    }
    if (!object.name().isEmpty()) {
      return List.of(object.name());
    }
    return document.variables().getOrDefault(object.nameVarRef(), List.of()).stream()
        .filter(name -> !name.isEmpty())
        .toList();
  }
}
